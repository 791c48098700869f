// `detente fmt` formats a file in place: the file itself gets the new layout — through a symbolic
// link, on the same inode (hard links stay linked), with its mode, owner, byte-order mark and line
// endings — and a read-only file is reported, not forced.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { rewriteInPlace } from '../../src/cli/in-place.js';
import { UsageError } from '../../src/cli/inputs.js';
import { detente, folder } from './run.js';

const FORMATTED = `protocol P "P" {
    indicator lock "Lock" : flag
    party A "A"
    ladder { Calm Tense }
    threshold T: lock -> Tense
    response Tense { step s: A notifies within 1 h }
    deescalate Tense to Calm when not lock
}
`;
/** The same protocol, laid out carelessly. */
const UNFORMATTED = FORMATTED.replace('    indicator', '  indicator').replace('ladder { Calm Tense }', 'ladder {   Calm   Tense }');

const read = (dir: string, name: string) => fs.readFileSync(path.join(dir, name), 'utf8');
const unix = process.platform !== 'win32';

describe('detente fmt writes the file in place', () => {
    test('the file is formatted and nothing else appears beside it', () => {
        const dir = folder({ 'p.detente': UNFORMATTED });
        const run = detente(['fmt', 'p.detente'], dir);
        expect(run).toMatchObject({ stdout: 'formatted p.detente\n', stderr: '', code: 0 });
        expect(read(dir, 'p.detente')).toBe(FORMATTED);
        expect(fs.readdirSync(dir)).toEqual(['p.detente']);
        expect(detente(['fmt', '--check', 'p.detente'], dir)).toMatchObject({ stdout: '1 file already formatted\n', code: 0 });
    });

    test.skipIf(!unix)('through a symbolic link: the link stays a link, and its target is formatted', () => {
        const dir = folder({ 'real/p.detente': UNFORMATTED });
        fs.symlinkSync(path.join('real', 'p.detente'), path.join(dir, 'link.detente'));
        const run = detente(['fmt', 'link.detente'], dir);
        expect(run).toMatchObject({ stdout: 'formatted link.detente\n', stderr: '', code: 0 });
        expect(fs.lstatSync(path.join(dir, 'link.detente')).isSymbolicLink()).toBe(true);
        expect(read(dir, 'real/p.detente')).toBe(FORMATTED);
    });

    test.skipIf(!unix)('the same inode: a hard link sees the new layout, and the mode is kept', () => {
        const dir = folder({ 'p.detente': UNFORMATTED });
        const file = path.join(dir, 'p.detente');
        fs.linkSync(file, path.join(dir, 'hard.detente'));
        fs.chmodSync(file, 0o640);
        const before = fs.statSync(file);
        expect(detente(['fmt', 'p.detente'], dir).code).toBe(0);
        const after = fs.statSync(file);
        expect(after.ino).toBe(before.ino);
        expect(after.nlink).toBe(2);
        expect(after.mode & 0o7777).toBe(0o640);
        expect(read(dir, 'hard.detente')).toBe(FORMATTED);
    });

    test.skipIf(!unix)('a file and a link to it in one run: both formatted, no conflict', () => {
        const dir = folder({ 'a.detente': UNFORMATTED });
        fs.linkSync(path.join(dir, 'a.detente'), path.join(dir, 'b.detente'));
        fs.symlinkSync('a.detente', path.join(dir, 'c.detente'));
        const run = detente(['fmt', '.'], dir);
        expect(run).toMatchObject({ stdout: 'formatted a.detente\n', stderr: '', code: 0 });
        expect(read(dir, 'a.detente')).toBe(FORMATTED);
    });

    test.skipIf(!unix || process.getuid?.() !== 0)('the owner is kept (as root, formatting a file of another user)', () => {
        const dir = folder({ 'p.detente': UNFORMATTED });
        const file = path.join(dir, 'p.detente');
        fs.chownSync(file, 65534, 65534);
        expect(detente(['fmt', 'p.detente'], dir).code).toBe(0);
        expect(fs.statSync(file)).toMatchObject({ uid: 65534, gid: 65534 });
        expect(read(dir, 'p.detente')).toBe(FORMATTED);
    });

    test.skipIf(!unix)('a read-only file is reported and left as it is, even for root; the others are formatted; exit 2', () => {
        const dir = folder({ 'a.detente': UNFORMATTED, 'b.detente': UNFORMATTED });
        fs.chmodSync(path.join(dir, 'a.detente'), 0o444);
        const run = detente(['fmt', '.'], dir);
        expect(run.stderr).toBe('detente: a.detente: not formatted: the file is read-only\n');
        expect(run.stdout).toBe('formatted b.detente\n');
        expect(run.code).toBe(2);
        expect(read(dir, 'a.detente')).toBe(UNFORMATTED);
        expect(fs.statSync(path.join(dir, 'a.detente')).mode & 0o7777).toBe(0o444);
        expect(read(dir, 'b.detente')).toBe(FORMATTED);
    });

    test('a byte-order mark and CRLF line endings are kept', () => {
        const crlf = (text: string) => text.replaceAll('\n', '\r\n');
        const dir = folder({ 'p.detente': '\uFEFF' + crlf(UNFORMATTED) });
        expect(detente(['fmt', 'p.detente'], dir).code).toBe(0);
        expect(fs.readFileSync(path.join(dir, 'p.detente'))).toEqual(Buffer.from('\uFEFF' + crlf(FORMATTED), 'utf8'));
        expect(detente(['fmt', '--check', 'p.detente'], dir)).toMatchObject({ stdout: '1 file already formatted\n', code: 0 });
    });

    test('a CRLF file whose layout is right is already formatted; mixed line endings take the most common', () => {
        const crlf = FORMATTED.replaceAll('\n', '\r\n');
        const mixed = crlf.replace('flag\r\n', 'flag\n');
        const dir = folder({ 'crlf.detente': crlf, 'mixed.detente': mixed });
        expect(detente(['fmt', '--check', 'crlf.detente'], dir)).toMatchObject({ stdout: '1 file already formatted\n', code: 0 });
        expect(detente(['fmt', 'mixed.detente'], dir).code).toBe(0);
        expect(read(dir, 'mixed.detente')).toBe(crlf);
    });

    test('comments that span lines keep the file\'s line endings too', () => {
        const text = '/* first line\r\n   second line */\r\nindicator lock "Lock" : flag\r\n';
        const dir = folder({ 'p.detente': text.replace('indicator', '  indicator') });
        expect(detente(['fmt', 'p.detente'], dir).code).toBe(0);
        expect(read(dir, 'p.detente')).toBe(text);
    });
});

describe('rewriting in place', () => {
    const bytes = (text: string) => new TextEncoder().encode(text);

    test('a file saved again since it was read is not overwritten', () => {
        const dir = folder({ 'p.detente': 'saved meanwhile\n' });
        const file = path.join(dir, 'p.detente');
        expect(() => rewriteInPlace(file, 'p.detente', bytes('as read\n'), bytes('formatted\n'))).toThrow(UsageError);
        expect(() => rewriteInPlace(file, 'p.detente', bytes('as read\n'), bytes('formatted\n'))).toThrow('p.detente: not formatted: it changed while it was being formatted; run fmt again');
        expect(read(dir, 'p.detente')).toBe('saved meanwhile\n');
    });

    test('shorter and longer texts replace the old one whole', () => {
        const dir = folder({ 'p.detente': 'a long original text\n' });
        const file = path.join(dir, 'p.detente');
        rewriteInPlace(file, 'p.detente', bytes('a long original text\n'), bytes('short\n'));
        expect(read(dir, 'p.detente')).toBe('short\n');
        rewriteInPlace(file, 'p.detente', bytes('short\n'), bytes('a text longer than the one before\n'));
        expect(read(dir, 'p.detente')).toBe('a text longer than the one before\n');
    });
});
