// DMN 1.5: an input per indicator, the rule table as a decision with hit policy PRIORITY, and the
// resolved table as a second decision with hit policy UNIQUE. Unary tests are FEEL, in base units.
import { create } from 'xmlbuilder2';
import type { Indicator } from '../model/protocol.js';
import { type Rational, isDecimal, toDecimalString, toExactString } from '../model/rational.js';
import type { Constraint } from '../tables/constraints.js';
import type { CompiledProtocol } from './compiled.js';
import { conditionText, wholeNumberBounds } from './text.js';

const DMN = 'https://www.omg.org/spec/DMN/20230324/MODEL/';
const BASE_UNITS: Record<string, string> = { distance: 'm', duration: 's', speed: 'm/s', count: 'count', percent: '%' };

export function renderDmn(compiled: CompiledProtocol): string {
    const { protocol, tables } = compiled;
    const id = (...parts: string[]) => parts.join('_');
    const definitions = create({ version: '1.0', encoding: 'UTF-8' })
        .ele(DMN, 'definitions', {
            id: id('definitions', protocol.name),
            name: protocol.title,
            namespace: `urn:detente:protocol:${protocol.name}`,
            exporter: 'Détente',
        });
    definitions.ele(DMN, 'description').txt(`${protocol.name}${protocol.version ? ` version ${protocol.version}` : ''}, compiled from ${compiled.source}. ` +
        'Measured inputs are in base units (m, s, m/s, count, %).');

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
    rules.output.ele(DMN, 'defaultOutputEntry').ele(DMN, 'text').txt(`"${feelString(protocol.levels[0].name)}"`);
    rules.table.ele(DMN, 'annotation', { name: 'rule' });
    rules.table.ele(DMN, 'annotation', { name: 'citation' });
    tables.ruleRows.forEach((row, i) => {
        const rule = rules.table.ele(DMN, 'rule', { id: id('rule', protocol.name, String(i + 1)) });
        rule.ele(DMN, 'description').txt(`${row.rule.kind === 'redline' ? 'Red line' : 'Threshold'} ${row.rule.name}${row.parts > 1 ? ` (part ${row.part} of ${row.parts})` : ''}: ${conditionText(row.rule.condition)}`);
        row.constraints.forEach(constraint => rule.ele(DMN, 'inputEntry').ele(DMN, 'text').txt(unaryTest(constraint)));
        rule.ele(DMN, 'outputEntry').ele(DMN, 'text').txt(`"${feelString(row.level.name)}"`);
        rule.ele(DMN, 'annotationEntry').ele(DMN, 'text').txt(row.rule.name);
        rule.ele(DMN, 'annotationEntry').ele(DMN, 'text').txt(row.rule.citation ?? '');
    });

    const resolved = decision('resolved', `${protocol.name} resolved level`,
        'The resolved table: disjoint rows that together cover every situation, each with its level and the steps of that level\'s response.',
        'UNIQUE');
    resolved.table.ele(DMN, 'annotation', { name: 'steps' });
    tables.resolvedRows.forEach((row, i) => {
        const rule = resolved.table.ele(DMN, 'rule', { id: id('resolved', protocol.name, String(i + 1)) });
        row.constraints.forEach(constraint => rule.ele(DMN, 'inputEntry').ele(DMN, 'text').txt(unaryTest(constraint)));
        rule.ele(DMN, 'outputEntry').ele(DMN, 'text').txt(`"${feelString(row.level.name)}"`);
        rule.ele(DMN, 'annotationEntry').ele(DMN, 'text').txt((tables.steps.get(row.level.name) ?? []).map(s => s.step.name).join(', '));
    });

    return definitions.end({ prettyPrint: true, indent: '  ' }) + '\n';
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

function inputLabel(indicator: Indicator): string {
    const unit = BASE_UNITS[indicator.kind];
    return unit ? `${indicator.name} (${unit})` : indicator.name;
}

/** A FEEL unary test: `< 3704`, `[500..3704)`, `>= 1000`, `"North","Strait"`, `true`, or `-` for any value. */
export function unaryTest(constraint: Constraint): string {
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
