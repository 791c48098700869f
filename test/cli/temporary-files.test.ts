// `detente compile` writes each output to a hidden temporary file and renames it into place. A run that
// is interrupted removes its temporary files; one killed outright leaves them, and the next run that
// writes the same outputs removes them — and nothing else.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { generateProtocol } from '../../bench/generate.js';
import { REPO, detente, folder } from './run.js';

const PROTOCOL = `protocol Patrol "Patrol" {
    indicator lock "Lock" : flag
    party A "A"
    ladder { Calm Tense }
    threshold T: lock -> Tense
    response Tense { step s: A notifies within 1 h }
    deescalate Tense to Calm when not lock
}
`;
/** A process id no system hands out (above every pid_max). */
const DEAD_PID = 2_000_000_000;
const LONG_AGO = new Date('2001-01-01T00:00:00Z');

const temporaries = (dir: string) => fs.readdirSync(dir).filter(name => name.endsWith('.tmp'));

describe('temporary files of compile', () => {
    test('those a killed run left beside the outputs are removed by the next run; other files are kept', () => {
        const dir = folder({ 'p.detente': PROTOCOL });
        const out = path.join(dir, 'out');
        fs.mkdirSync(out);
        const place = (name: string, when?: Date) => {
            fs.writeFileSync(path.join(out, name), 'half a table');
            if (when) fs.utimesSync(path.join(out, name), when, when);
        };
        place(`.Patrol.md.detente-${DEAD_PID}-0a1b2c3d.tmp`, LONG_AGO);
        place(`.Patrol.json.detente-${DEAD_PID}-0a1b2c3d.tmp`, LONG_AGO);
        // Kept: a running process's (this test's), one written a moment ago (a run elsewhere may still
        // write it), one of an output this run does not write, and files of other programs.
        const kept = [
            `.Patrol.md.detente-${process.pid}-0a1b2c3d.tmp`,
            `.Patrol.md.detente-${DEAD_PID}-99999999.tmp`,
            `.Other.md.detente-${DEAD_PID}-0a1b2c3d.tmp`,
            '.Patrol.md.tmp',
            'notes.tmp',
        ];
        kept.forEach((name, i) => place(name, i === 1 ? undefined : LONG_AGO));
        const run = detente(['compile', '--to', 'md,json', '--out', 'out', 'p.detente'], dir);
        expect(run).toMatchObject({ stderr: '', code: 0 });
        expect(fs.readdirSync(out).sort()).toEqual(['Patrol.json', 'Patrol.md', ...kept].sort());
    });

    test.skipIf(process.platform === 'win32')('a run interrupted while writing (SIGTERM) leaves no temporary file, and every output whole', async () => {
        // Large enough that writing its tables takes a while: the signal arrives while a temporary file exists.
        const dir = folder({ 'big.detente': generateProtocol({ rules: 400, indicators: 20, seed: 3 }) });
        const out = path.join(dir, 'out');
        const child = spawn(process.execPath, [path.join(REPO, 'bin', 'detente.js'), 'compile', '--to', 'dmn,json,html,md,csv,annex', '--out', 'out', 'big.detente'], { cwd: dir, stdio: 'ignore' });
        const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>(resolve => child.on('exit', (code, signal) => resolve({ code, signal })));
        let running = true;
        void ended.then(() => { running = false; });
        let seen = false;
        while (running && !seen) {
            seen = fs.existsSync(out) && temporaries(out).length > 0;
            if (!seen) await new Promise(resolve => setTimeout(resolve, 2));
        }
        expect(seen, 'a temporary file appeared while the run was writing').toBe(true);
        child.kill('SIGTERM');
        // Ended by the signal (or, had it come as the last file was renamed, just done).
        const { code, signal } = await ended;
        expect(signal === 'SIGTERM' || code === 0).toBe(true);
        expect(temporaries(out)).toEqual([]);
        for (const name of fs.readdirSync(out)) {
            const text = fs.readFileSync(path.join(out, name), 'utf8');
            if (name.endsWith('.json')) expect(() => JSON.parse(text)).not.toThrow();
            if (name.endsWith('.dmn')) expect(text.trimEnd()).toMatch(/<\/definitions>$/);
            if (name.endsWith('.html')) expect(text.trimEnd()).toMatch(/<\/html>$/);
        }
    }, 300_000);
});
