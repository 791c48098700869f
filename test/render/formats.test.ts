// Every machine format validates against its schema: DMN 1.5 (official XSD), SARIF 2.1.0, and the JSON Schema we ship.
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { renderDmn } from '../../src/render/dmn.js';
import { renderJson } from '../../src/render/json.js';
import { compileExamples } from './examples.js';
import { detente } from '../cli/run.js';
import { dmnErrors, sarifErrors, tablesErrors } from './validators.js';

const REPO = path.resolve(__dirname, '../..');

describe('output formats validate', async () => {
    const compiled = await compileExamples();

    test.each(compiled.map(c => [c.protocol.name, c] as const))('DMN of %s against the DMN 1.5 XSD', async (_name, c) => {
        expect(await dmnErrors(renderDmn(c))).toEqual([]);
    });

    test.each(compiled.map(c => [c.protocol.name, c] as const))('JSON of %s against schemas/detente-tables.schema.json', (_name, c) => {
        expect(tablesErrors(JSON.parse(renderJson(c)))).toEqual([]);
    });

    test('the validators do reject what is wrong', async () => {
        expect(await dmnErrors('<definitions xmlns="https://www.omg.org/spec/DMN/20230324/MODEL/"/>')).not.toEqual([]);
        expect(tablesErrors({ format: 'detente-tables/1' })).not.toEqual([]);
        expect(sarifErrors({ version: '2.0.0', runs: [] })).not.toEqual([]);
    });

    test('SARIF of findings with related locations and witnesses against the SARIF 2.1.0 schema', () => {
        const run = detente(['check', '--format', 'sarif', 'test/fixtures/defects'], REPO);
        const log = JSON.parse(run.stdout);
        expect(sarifErrors(log)).toEqual([]);
        expect(log.runs[0].results.length).toBeGreaterThan(5);
        expect(log.runs[0].results.some((r: { relatedLocations?: unknown[] }) => (r.relatedLocations?.length ?? 0) > 0)).toBe(true);
    });
});
