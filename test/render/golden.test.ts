// Golden files: every output format of every example, byte for byte. Regenerate with UPDATE_GOLDEN=1
// after reviewing the difference like code.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { FORMATS } from '../../src/cli/commands/compile.js';
import type { CompiledProtocol } from '../../src/render/compiled.js';
import { fileText, renderFiles } from '../../src/render/outputs.js';
import { compileExamples, compileFixture } from './examples.js';
import { publish } from '../../src/render/publication.js';
import { renderAnnex } from '../../src/render/annex.js';
import { renderHtml } from '../../src/render/html.js';

const REPO = path.resolve(__dirname, '../..');
const GOLDEN = path.join(REPO, 'test', 'golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

let compiled: CompiledProtocol[];

beforeAll(async () => {
    compiled = await compileExamples();
});

describe('golden outputs of the examples', () => {
    test('every format of every example matches its golden file', () => {
        const outputs = compiled.flatMap(c => renderFiles(c, FORMATS))
            .map(file => ({ file: path.join(GOLDEN, file.name), content: fileText(file) }));
        expect(outputs.length).toBe(6 * 7);
        for (const output of outputs) {
            if (UPDATE) {
                fs.writeFileSync(output.file, output.content);
            }
            expect(fs.existsSync(output.file), `${path.basename(output.file)} has no golden file; run with UPDATE_GOLDEN=1`).toBe(true);
            expect(output.content, path.basename(output.file)).toBe(fs.readFileSync(output.file, 'utf8'));
        }
    });

    test('outputs are deterministic: compiling again gives the same bytes', async () => {
        const again = await compileExamples();
        const render = (list: CompiledProtocol[]) => list.flatMap(c => renderFiles(c, FORMATS)).map(fileText);
        expect(render(again)).toEqual(render(compiled));
    });
});

describe('golden treaty documents: a role-based, translated, partly confidential protocol', () => {
    test.each([
        ['en', 'full'], ['fr', 'full'], ['ru', 'full'], ['en', 'public'], ['fr', 'public'], ['ru', 'public'],
    ] as const)('%s, %s edition: the annex and the HTML report', async (language, edition) => {
        const [compiled] = await compileFixture('editions');
        const published = publish(compiled, { language, edition })!;
        for (const [suffix, text] of [['annex.md', renderAnnex(published)], ['html', renderHtml(published)]] as const) {
            const file = path.join(GOLDEN, 'editions', `Launches.${language}.${edition}.${suffix}`);
            if (UPDATE) {
                fs.mkdirSync(path.dirname(file), { recursive: true });
                fs.writeFileSync(file, text);
            }
            expect(fs.existsSync(file), `${path.basename(file)} has no golden file; run with UPDATE_GOLDEN=1`).toBe(true);
            expect(text, path.basename(file)).toBe(fs.readFileSync(file, 'utf8'));
        }
    });
});
