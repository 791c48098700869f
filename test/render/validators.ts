// Validators of the official formats, used by the tests: DMN 1.5 (XSD), SARIF 2.1.0 and the shipped JSON Schema.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import ajvDraft04 from 'ajv-draft-04';
import { validateXML } from 'xmllint-wasm';

const REPO = path.resolve(__dirname, '../..');
const SCHEMAS = path.join(REPO, 'test', 'fixtures', 'schemas');

const read = (...parts: string[]) => fs.readFileSync(path.join(...parts), 'utf8');

/** Validates DMN XML against the official DMN 1.5 XSD (with its DMNDI, DC and DI imports). */
export async function dmnErrors(xml: string): Promise<string[]> {
    const dir = path.join(SCHEMAS, 'dmn15');
    const result = await validateXML({
        xml: [{ fileName: 'protocol.dmn', contents: xml }],
        schema: [{ fileName: 'DMN15.xsd', contents: read(dir, 'DMN15.xsd') }],
        preload: ['DMNDI15.xsd', 'DC.xsd', 'DI.xsd'].map(fileName => ({ fileName, contents: read(dir, fileName) })),
    });
    return result.valid ? [] : result.errors.map(e => e.rawMessage);
}

// A CommonJS module whose class is also its `default` property.
const AjvDraft04 = ajvDraft04.default;

let sarif: ReturnType<InstanceType<typeof AjvDraft04>['compile']> | undefined;

/** Validates a SARIF log against the OASIS SARIF 2.1.0 schema (JSON Schema draft-04). */
export function sarifErrors(log: unknown): string[] {
    if (!sarif) {
        const ajv = new AjvDraft04({ allErrors: true, strict: false, validateFormats: false });
        sarif = ajv.compile(JSON.parse(read(SCHEMAS, 'sarif', 'sarif-schema-2.1.0.json')));
    }
    return sarif(log) ? [] : (sarif.errors ?? []).map((e: { instancePath: string; message?: string }) => `${e.instancePath} ${e.message}`);
}

let tables: ReturnType<Ajv2020['compile']> | undefined;

/** Validates `compile --to json` output against the schema shipped in schemas/. */
export function tablesErrors(document: unknown): string[] {
    if (!tables) {
        const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
        tables = ajv.compile(JSON.parse(read(REPO, 'schemas', 'detente-tables.schema.json')));
    }
    return tables(document) ? [] : (tables.errors ?? []).map(e => `${e.instancePath} ${e.message}`);
}
