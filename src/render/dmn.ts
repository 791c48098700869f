// DMN 1.5: an input per indicator, the rule table as a decision with hit policy PRIORITY, and the
// resolved table as a second decision with hit policy UNIQUE. Unary tests are FEEL, in base units.
import { create } from 'xmlbuilder2';
import type { Box } from '../analysis/boxes.js';
import type { SituationSpace } from '../analysis/situations.js';
import { collect } from './json.js';
import type { Indicator } from '../model/protocol.js';
import { type Rational, isDecimal, toDecimalString, toExactString } from '../model/rational.js';
import { type Constraint, constraintOn } from '../tables/constraints.js';
import type { ResolvedRow } from '../tables/tables.js';
import type { CompiledProtocol } from './compiled.js';
import { rowSteps } from './sections.js';
import { conditionText, wholeNumberBounds } from './text.js';

const DMN = 'https://www.omg.org/spec/DMN/20230324/MODEL/';
const BASE_UNITS: Record<string, string> = { distance: 'm', duration: 's', speed: 'm/s', frequency: 'Hz', count: 'count', percent: '%' };
/** Where a table's rows go in the document built around them. */
const ROWS = 'detente:rows';

export function renderDmn(compiled: CompiledProtocol): string {
    return collect(out => writeDmn(compiled, out));
}

/**
 * The DMN document, chunk by chunk: the document around the tables is built whole with xmlbuilder2, and
 * each table row is written on its own as xmlbuilder2 pretty-prints it, so that tables of any size never
 * sit in memory at once. A row has few kinds of element and repeats the same entries: writing them
 * directly, from texts made once, keeps a table of many thousand rows quick.
 */
export function writeDmn(compiled: CompiledProtocol, write: (chunk: string) => void): void {
    const { protocol, tables } = compiled;
    const replaced = [protocol.title, protocol.version ?? '', compiled.source, ...protocol.indicators.map(i => i.label), ...protocol.rules.map(r => r.citation ?? '')]
        .some(text => text !== xmlCharacters(text));
    const id = (...parts: string[]) => parts.join('_');
    const definitions = create({ version: '1.0', encoding: 'UTF-8' })
        .ele(DMN, 'definitions', {
            id: id('definitions', protocol.name),
            name: protocol.title,
            namespace: `urn:detente:protocol:${protocol.name}`,
            exporter: 'Détente',
        });
    definitions.ele(DMN, 'description').txt(`${protocol.name}${protocol.version ? ` version ${protocol.version}` : ''}, compiled from ${compiled.source}. ` +
        'Measured inputs are in base units (m, s, m/s, Hz, count, %, a declared dimension\'s base unit).' +
        (protocol.scopes.length > 0 ? ' Outside the protocol\'s scope no level applies: both decisions give null there.' : '') +
        (replaced ? ' Control characters of the protocol\'s text, which XML 1.0 cannot hold, are shown as \uFFFD.' : ''));

    for (const indicator of protocol.indicators) {
        const item = definitions.ele(DMN, 'itemDefinition', { id: id('type', indicator.name), name: typeName(indicator) });
        item.ele(DMN, 'typeRef').txt(feelType(indicator));
        item.ele(DMN, 'allowedValues').ele(DMN, 'text').txt(allowedValues(indicator));
    }
    for (const indicator of protocol.indicators) {
        const input = definitions.ele(DMN, 'inputData', { id: id('input', indicator.name), name: indicator.name, label: inputLabel(indicator) });
        input.ele(DMN, 'description').txt(indicator.label + (indicator.tentative ? ' (tentative)' : ''));
        input.ele(DMN, 'variable', { id: id('input', indicator.name, 'variable'), name: indicator.name, typeRef: typeName(indicator) });
    }

    const levels = tables.priority.map(level => `"${feelString(level.name)}"`).join(',');
    const decision = (key: string, name: string, description: string, hitPolicy: 'PRIORITY' | 'UNIQUE') => {
        const node = definitions.ele(DMN, 'decision', { id: id('decision', protocol.name, key), name });
        node.ele(DMN, 'description').txt(description);
        node.ele(DMN, 'variable', { id: id('decision', protocol.name, key, 'variable'), name, typeRef: 'string' });
        for (const indicator of protocol.indicators) {
            node.ele(DMN, 'informationRequirement', { id: id('requirement', protocol.name, key, indicator.name) })
                .ele(DMN, 'requiredInput', { href: `#${id('input', indicator.name)}` });
        }
        const table = node.ele(DMN, 'decisionTable', { id: id('table', protocol.name, key), hitPolicy, outputLabel: 'level' });
        for (const indicator of protocol.indicators) {
            table.ele(DMN, 'input', { id: id('table', protocol.name, key, 'input', indicator.name), label: inputLabel(indicator) })
                .ele(DMN, 'inputExpression', { id: id('table', protocol.name, key, 'expression', indicator.name), typeRef: typeName(indicator) })
                .ele(DMN, 'text').txt(indicator.name);
        }
        const output = table.ele(DMN, 'output', { id: id('table', protocol.name, key, 'output'), name: 'level', typeRef: 'string' });
        output.ele(DMN, 'outputValues').ele(DMN, 'text').txt(levels);
        return { table, output };
    };

    const rules = decision('rules', `${protocol.name} level`,
        'The rule table: the level of a situation is the most severe level among the rules that hold (outputValues run from the most severe level), or the baseline.',
        'PRIORITY');
    // With a scope, the baseline holds only inside it: rows of their own instead of a default, which would
    // give the baseline outside the scope too.
    if (protocol.scopes.length === 0) rules.output.ele(DMN, 'defaultOutputEntry').ele(DMN, 'text').txt(`"${feelString(protocol.levels[0].name)}"`);
    rules.table.ele(DMN, 'annotation', { name: 'rule' });
    rules.table.ele(DMN, 'annotation', { name: 'citation' });
    rules.table.com(ROWS);
    const resolved = decision('resolved', `${protocol.name} resolved level`,
        'The resolved table: disjoint rows that together cover every situation, each with its level and the steps of that level\'s response.',
        'UNIQUE');
    resolved.table.ele(DMN, 'annotation', { name: 'steps' });
    resolved.table.com(ROWS);
    // The rows of each table go where its placeholder is, at its depth.
    const [head, betweenTables, tail] = definitions.end({ prettyPrint: true, indent: '  ' }).split(new RegExp(` *<!--${ROWS}-->\n`));
    // Rows repeat the same few ranges per indicator and the same steps per level: their entries are
    // written once and reused.
    const inputEntries = new InputEntries(tables.space);
    const stepEntries = new Map<string, string>();
    const stepsEntry = (r: ResolvedRow) => {
        const key = r.level === undefined ? '' : `${r.level.name}\u0000${r.rules.join('\u0000')}`;
        let text = stepEntries.get(key);
        if (text === undefined) stepEntries.set(key, text = entry('annotationEntry', rowSteps(compiled, r).join(', ')));
        return text;
    };
    const inputs = (box: Box) => {
        let text = '';
        for (let d = 0; d < box.length / 2; d++) text += inputEntries.entry(d, box[2 * d], box[2 * d + 1]);
        return text;
    };
    write(xmlCharacters(head));
    tables.ruleRows.forEach((r, i) => write(rule(id('rule', protocol.name, String(i + 1)),
        element(ROW_CHILD, 'description', `${r.rule.kind === 'redline' ? 'Red line' : 'Threshold'} ${r.rule.name}${r.parts > 1 ? ` (part ${r.part} of ${r.parts})` : ''}: ${conditionText(r.rule.condition)}${r.rule.unless ? ` unless ${conditionText(r.rule.unless)}` : ''}`) +
        inputs(r.box) +
        entry('outputEntry', `"${feelString(r.level.name)}"`) +
        entry('annotationEntry', r.rule.name) +
        entry('annotationEntry', r.rule.citation ?? ''))));
    tables.scopeRows.forEach((r, i) => write(rule(id('scope', protocol.name, String(i + 1)),
        element(ROW_CHILD, 'description', 'Inside the scope: the baseline, unless a rule above gives a more severe level.') +
        inputs(r.box) +
        entry('outputEntry', `"${feelString(protocol.levels[0].name)}"`) +
        entry('annotationEntry', '') +
        entry('annotationEntry', protocol.scopes.map(scope => scope.citation ?? '').filter(Boolean).join('; ')))));
    write(xmlCharacters(betweenTables));
    tables.resolvedRows.forEach((r, i) => write(rule(id('resolved', protocol.name, String(i + 1)),
        inputs(r.box) +
        entry('outputEntry', r.level ? `"${feelString(r.level.name)}"` : 'null') +
        stepsEntry(r))));
    write(`${xmlCharacters(tail)}\n`);
}

/** The depth of a row: rows sit in a decision table, three levels down. */
const ROW = '      ';
const ROW_CHILD = `${ROW}  `;
const ENTRY_CHILD = `${ROW_CHILD}  `;

/** A table row, as xmlbuilder2 pretty-prints it at the row's depth. */
function rule(id: string, children: string): string {
    return `${ROW}<rule id="${escapeAttribute(id)}">\n${children}${ROW}</rule>\n`;
}

/** An element holding text alone: on one line, or empty. */
function element(indent: string, name: string, text: string): string {
    return text === '' ? `${indent}<${name}/>\n` : `${indent}<${name}>${escapeText(text)}</${name}>\n`;
}

/** An input, output or annotation entry of a row: its text in a `text` element. */
function entry(name: string, text: string): string {
    return `${ROW_CHILD}<${name}>\n${element(ENTRY_CHILD, 'text', text)}${ROW_CHILD}</${name}>\n`;
}

/** The input entry of each indicator's range of cells, made once. */
class InputEntries {
    /** Per dimension: the entry by `lo × size + hi`. */
    protected readonly made: Map<number, string>[];

    constructor(readonly space: SituationSpace) {
        this.made = space.axes.map(() => new Map());
    }

    entry(dimension: number, lo: number, hi: number): string {
        const key = lo * this.space.space.sizes[dimension] + hi;
        let text = this.made[dimension].get(key);
        if (text === undefined) this.made[dimension].set(key, text = entry('inputEntry', unaryTest(constraintOn(this.space, dimension, lo, hi))));
        return text;
    }
}

/** An ampersand that does not start an entity or a decimal character reference: xmlbuilder2 escapes these alone. */
const BARE_AMPERSAND = /&(?![A-Za-z]+;|#\d+;)/g;

/** Text content as xmlbuilder2 writes it, with the characters XML 1.0 cannot hold replaced. */
function escapeText(text: string): string {
    return xmlCharacters(text).replace(BARE_AMPERSAND, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(text: string): string {
    return escapeText(text).replace(/"/g, '&quot;');
}

/**
 * What XML 1.0 cannot hold at all, not even as a character reference: the C0 controls other than
 * tab, line feed and carriage return (a label may hold `\b`, `\0`, `\v`, `\f` or a raw 0x01),
 * U+FFFE, U+FFFF, and halves of surrogate pairs.
 */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** The text with each character XML 1.0 forbids replaced by U+FFFD, the replacement character. */
export function xmlCharacters(text: string): string {
    return text.replace(NOT_XML, '\uFFFD');
}

function typeName(indicator: Indicator): string {
    return `t${indicator.name.charAt(0).toUpperCase()}${indicator.name.slice(1)}`;
}

function feelType(indicator: Indicator): string {
    return indicator.kind === 'flag' ? 'boolean' : indicator.kind === 'scale' || indicator.kind === 'choice' ? 'string' : 'number';
}

function allowedValues(indicator: Indicator): string {
    switch (indicator.kind) {
        case 'flag': return 'true,false';
        case 'scale':
        case 'choice': return (indicator.members ?? []).map(m => `"${feelString(m)}"`).join(',');
        case 'percent': return '[0..100]';
        default: return '>= 0';
    }
}

/** The unit a measured indicator's values are given in: a built-in base unit, or a declared dimension's base. */
export function baseUnitOf(indicator: Indicator): string | undefined {
    return indicator.kind === 'measure' ? indicator.units?.[0]?.symbol : BASE_UNITS[indicator.kind];
}

function inputLabel(indicator: Indicator): string {
    const unit = baseUnitOf(indicator);
    return unit ? `${indicator.name} (${unit})` : indicator.name;
}

/** A FEEL unary test: `< 3704`, `[500..3704)`, `>= 1000`, `"North","Strait"`, `true`, or `-` for any value. */
function unaryTest(constraint: Constraint): string {
    if (constraint.whole) return '-';
    if (constraint.kind === 'members') {
        return constraint.indicator.kind === 'flag'
            ? constraint.members.join(',')
            : constraint.members.map(m => `"${feelString(m)}"`).join(',');
    }
    const { low, high } = wholeNumberBounds(constraint);
    const from = feelNumber(low.value);
    if (!high) return `${low.inclusive ? '>=' : '>'} ${from}`;
    const to = feelNumber(high.value);
    if (low.inclusive && low.value.n === 0n) return `${high.inclusive ? '<=' : '<'} ${to}`;
    if (from === to && low.inclusive && high.inclusive) return from;
    return `${low.inclusive ? '[' : '('}${from}..${to}${high.inclusive ? ']' : ')'}`;
}

/** FEEL numbers are decimals: exact when the value has a finite decimal expansion, else to 30 places. */
function feelNumber(value: Rational): string {
    return isDecimal(value) ? toExactString(value) : toDecimalString(value, 30);
}

function feelString(text: string): string {
    return text.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}
