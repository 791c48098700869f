// Reading an incident log (docs/replay.md): CSV with the header `time,kind,subject,value,party`, or JSON
// Lines with the same fields. This checks the form of each record; what the names mean is checked
// against the protocol by the replay. Every problem carries its line; nothing is guessed.
import { CsvError, parse } from 'csv-parse/sync';
import { compare } from '../model/rational.js';
import { type LogTime, TimeError, parseTime } from './time.js';

export const RECORD_KINDS = ['observe', 'event', 'done', 'bind'] as const;
export type RecordKind = typeof RECORD_KINDS[number];

export const FIELDS = ['time', 'kind', 'subject', 'value', 'party'] as const;

/** One record of the log; empty fields are empty strings. */
export interface LogRecord {
    /** 1-based line of the record in the log file. */
    readonly line: number;
    readonly time: LogTime;
    /** The time as written. */
    readonly timeText: string;
    readonly kind: RecordKind;
    readonly subject: string;
    readonly value: string;
    readonly party: string;
}

export interface LogProblem {
    readonly line: number;
    readonly message: string;
}

/** A log that cannot be replayed: every problem found, each with its line. */
export class LogError extends Error {
    constructor(readonly problems: readonly LogProblem[]) {
        super(problems.map(p => `line ${p.line}: ${p.message}`).join('; '));
        this.name = 'LogError';
    }
}

export type LogFormat = 'csv' | 'jsonl';

/** The format of a log: by its extension (`.csv`, `.jsonl`, `.ndjson`), else by its first character. */
export function logFormat(file: string, text: string): LogFormat {
    if (/\.csv$/i.test(file)) return 'csv';
    if (/\.(jsonl|ndjson)$/i.test(file)) return 'jsonl';
    return text.replace(/^\uFEFF/, '').trimStart().startsWith('{') ? 'jsonl' : 'csv';
}

/** The records of a log, in the order written; throws a `LogError` listing every bad record. */
export function readLog(text: string, format: LogFormat): LogRecord[] {
    const problems: LogProblem[] = [];
    const raw = format === 'csv' ? csvRows(text, problems) : jsonRows(text, problems);
    const records: LogRecord[] = [];
    let previous: LogRecord | undefined;
    for (const row of raw) {
        const record = checkRow(row, problems);
        if (!record) continue;
        if (previous && compare(record.time.seconds, previous.time.seconds) < 0) {
            problems.push({ line: record.line, message: `time ${record.timeText} is earlier than ${previous.timeText} on line ${previous.line}: the log must be in time order` });
        }
        previous = record;
        records.push(record);
    }
    if (problems.length === 0 && records.length === 0) {
        problems.push({ line: 1, message: 'the log holds no records' });
    }
    if (problems.length > 0) throw new LogError(problems);
    return records;
}

interface Row {
    readonly line: number;
    readonly fields: Readonly<Record<string, string>>;
}

function csvRows(text: string, problems: LogProblem[]): Row[] {
    let parsed: Array<{ record: string[]; info: { lines: number } }>;
    try {
        parsed = parse(text, { bom: true, skip_empty_lines: true, info: true, trim: true, relax_quotes: false, relax_column_count: true }) as never;
    } catch (error) {
        if (error instanceof CsvError) {
            const line = (error as unknown as { lines?: number }).lines ?? 1;
            problems.push({ line, message: `not valid CSV: ${error.message.replace(/^Invalid Record Length: /, '').replace(/,? ?(at|on) line \d+\.?$/i, '')}` });
            return [];
        }
        throw error;
    }
    if (parsed.length === 0) return [];
    const [header, ...rows] = parsed;
    const names = header.record.map(name => name.toLowerCase());
    const expected = FIELDS.join(',');
    if (names.length !== FIELDS.length || FIELDS.some(field => !names.includes(field)) || new Set(names).size !== names.length) {
        problems.push({ line: header.info.lines, message: `the header must name the columns ${expected}, not '${header.record.join(',')}'` });
        return [];
    }
    const result: Row[] = [];
    for (const { record, info } of rows) {
        if (record.length !== names.length) {
            problems.push({ line: info.lines, message: `not valid CSV: ${record.length} field${record.length === 1 ? '' : 's'} where the header has ${names.length} (${expected})` });
            continue;
        }
        result.push({ line: info.lines, fields: Object.fromEntries(names.map((name, i) => [name, record[i]])) });
    }
    return result;
}

function jsonRows(text: string, problems: LogProblem[]): Row[] {
    const rows: Row[] = [];
    text.replace(/^\uFEFF/, '').split(/\r?\n/).forEach((lineText, i) => {
        const line = i + 1;
        if (lineText.trim() === '') return;
        let value: unknown;
        try {
            value = JSON.parse(lineText);
        } catch (error) {
            problems.push({ line, message: `not valid JSON: ${error instanceof Error ? error.message : String(error)}` });
            return;
        }
        if (typeof value !== 'object' || value === null || Array.isArray(value)) {
            problems.push({ line, message: 'each line must be a JSON object with the fields time, kind, subject, value, party' });
            return;
        }
        const fields: Record<string, string> = {};
        for (const [name, field] of Object.entries(value)) {
            if (!(FIELDS as readonly string[]).includes(name)) {
                problems.push({ line, message: `unknown field '${name}'; a record has ${FIELDS.join(', ')}` });
                return;
            }
            if (field === null) continue;
            if (typeof field === 'string') fields[name] = field.trim();
            else if (name === 'value' && (typeof field === 'boolean' || (typeof field === 'number' && Number.isFinite(field)))) fields[name] = String(field);
            else {
                problems.push({ line, message: `the field '${name}' must be a string${name === 'value' ? ' (or a number or true/false)' : ''}` });
                return;
            }
        }
        rows.push({ line, fields });
    });
    return rows;
}

/** The record of a row whose fields have the right form for its kind; otherwise the problem is noted. */
function checkRow({ line, fields }: Row, problems: LogProblem[]): LogRecord | undefined {
    const field = (name: string) => fields[name] ?? '';
    const problem = (message: string) => {
        problems.push({ line, message });
        return undefined;
    };
    const timeText = field('time');
    if (timeText === '') return problem('the time is missing');
    let time: LogTime;
    try {
        time = parseTime(timeText);
    } catch (error) {
        if (error instanceof TimeError) return problem(error.message);
        throw error;
    }
    const kind = field('kind');
    if (!(RECORD_KINDS as readonly string[]).includes(kind)) {
        return problem(kind === '' ? `the kind is missing (${RECORD_KINDS.join(', ')})` : `unknown kind '${kind}'; a record is one of ${RECORD_KINDS.join(', ')}`);
    }
    const subject = field('subject');
    const value = field('value');
    const party = field('party');
    const what = { observe: 'an indicator', event: 'an event', done: 'a step or duty', bind: 'a role' }[kind as RecordKind];
    if (subject === '') return problem(`${kind} needs a subject: ${what}`);
    if (kind === 'observe' && value === '') return problem(`observe ${subject} needs a value, as written in the language (e.g. 800 m, true, Exercise)`);
    if (kind !== 'observe' && value !== '') return problem(`${kind} takes no value (found '${value}')`);
    if (kind === 'observe' && party !== '') return problem(`observe takes no party (found '${party}')`);
    if (kind === 'bind' && party === '') return problem(`bind ${subject} needs the party the role stands for`);
    return { line, time, timeText, kind: kind as RecordKind, subject, value, party };
}
