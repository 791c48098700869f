// What the tabular reports (Markdown, HTML) say, once: the rows of each section as text in the
// publication's language. The renderers only lay them out.
import { formatDuration, schedule, stepsDue } from '../analysis/deadlines.js';
import type { ResolvedRow } from '../tables/tables.js';
import type { Indicator } from '../model/protocol.js';
import { actorName, conditionText, dutyTimingText, offrampWhen, stepText } from '../model/syntax.js';
import type { CompiledProtocol } from './compiled.js';
import type { Phrasebook } from './i18n/phrasebook.js';

export interface LadderRow {
    /** As people count: 1 for the baseline, as the editor's hover says it (the JSON keeps the 0-based rank for programs). */
    readonly rank: number;
    readonly name: string;
    readonly label: string;
    readonly rules: readonly string[];
    /** `—` without a response, `declared`, or its overall deadline. */
    readonly response: string;
}

export function ladderRows({ protocol, phrases: p }: CompiledProtocol): LadderRow[] {
    return [...protocol.levels].reverse().map(level => {
        const response = protocol.responses.find(r => r.level === level.name);
        return {
            rank: level.rank + 1,
            name: level.name,
            label: level.label,
            rules: protocol.rules.filter(r => r.level === level.name).map(r => r.name),
            response: response ? (response.within ? formatDuration(response.within.base) : p.t('declared')) : '—',
        };
    });
}

export interface IndicatorRow {
    readonly name: string;
    readonly label: string;
    readonly tentative: boolean;
    readonly type: string;
    readonly worse: string;
    readonly unit: string;
}

export function indicatorRows({ protocol }: CompiledProtocol): IndicatorRow[] {
    return protocol.indicators.map(indicator => ({
        name: indicator.name,
        label: indicator.label,
        tentative: indicator.tentative,
        type: typeText(indicator),
        worse: indicator.kind === 'scale' ? 'later'
            : indicator.kind === 'flag' ? (indicator.worse === 'higher' ? 'true' : indicator.worse === 'lower' ? 'false' : 'neutral')
                : indicator.worse ?? 'neutral',
        unit: indicator.unit ?? '',
    }));
}

function typeText(indicator: Indicator): string {
    if (indicator.kind === 'scale') return `scale ${indicator.members!.join(' < ')}`;
    if (indicator.kind === 'choice') return `one of ${indicator.members!.join(', ')}`;
    if (indicator.kind === 'measure') return indicator.dimension ?? 'measure';
    if (indicator.kind === 'count' && indicator.counts) {
        const { event, window } = indicator.counts;
        return ['count', event && `of ${event}`, window && `over ${formatDuration(window.base)}`].filter(Boolean).join(' ');
    }
    return indicator.kind;
}

export interface ScopeRow {
    readonly citation: string;
    readonly condition: string;
}

export function scopeRows({ protocol }: CompiledProtocol): ScopeRow[] {
    return protocol.scopes.map(scope => ({ citation: scope.citation ?? '', condition: conditionText(scope.condition) }));
}

export interface RedlineRow {
    readonly name: string;
    readonly citation: string;
    readonly level: string;
    readonly condition: string;
    readonly consequence: string;
    readonly disclosure: string;
}

export function redlineRows({ protocol, phrases: p, edition }: CompiledProtocol): RedlineRow[] {
    return protocol.rules.filter(rule => rule.kind === 'redline').map(rule => ({
        name: rule.name,
        citation: rule.citation ?? '',
        level: rule.level,
        condition: conditionText(rule.condition) + (rule.unless ? ` unless ${conditionText(rule.unless)}` : ''),
        consequence: rule.consequence ?? (rule.disclosure === 'confidential' && edition === 'public' ? p.t('annex.consequence.withheld') : '—'),
        disclosure: rule.disclosure === 'public' ? p.t('public') : rule.disclosure === 'confidential' ? p.t('confidentialDisclosure') : '—',
    }));
}

export interface StepRow {
    readonly name: string;
    readonly citation: string;
    readonly action: string;
    /** As written: `within 10 min`, `immediately`. */
    readonly timing: string;
    /** From the moment the response became due, with the chain of steps that sets it. */
    readonly dueBy: string;
    readonly after: string;
    readonly conditions: string;
    readonly confidential: boolean;
}

export interface ResponseSection {
    /** The level, or undefined for a response to a rule. */
    readonly level?: string;
    readonly rule?: string;
    readonly title: string;
    readonly citation: string;
    readonly within: string;
    readonly includes: string;
    readonly confidential: boolean;
    readonly steps: readonly StepRow[];
}

/** The responses, from the most severe level down, then the responses to rules; each with the steps due. */
export function responseSections({ protocol, tables, phrases: p }: CompiledProtocol): ResponseSection[] {
    const byLevel = [...protocol.levels].reverse().flatMap(level => protocol.responses.filter(r => r.level === level.name));
    const byRule = protocol.responses.filter(r => r.rule !== undefined);
    return [...byLevel, ...byRule].map(response => {
        const level = protocol.levels.find(l => l.name === response.level);
        // A level's rows are every step due there (its own and those it includes); a rule's, its own.
        const due = level ? tables.steps.get(level.name) ?? [] : schedule(response);
        return {
            level: response.level,
            rule: response.rule,
            title: level ? p.t('response.title', { level: level.label }) : p.t('response.titleRule', { rule: response.rule! }),
            citation: response.citation ?? '',
            within: response.within ? p.t('response.within', { duration: formatDuration(response.within.base) }) : '',
            includes: response.includes.length > 0 ? p.t('response.includes', { count: response.includes.length, levels: p.list(response.includes) }) : '',
            confidential: response.confidential,
            steps: due.map(({ step, deadline, path }) => ({
                name: step.name,
                citation: step.citation ?? '',
                action: stepText(step),
                timing: step.timing === 'within' ? `within ${formatDuration(step.within.base)}` : step.timing,
                dueBy: !deadline ? p.t('noDeadline')
                    : deadline.n === 0n && step.timing !== 'within' ? step.timing
                        : `${formatDuration(deadline)}${path.length > 1 ? ` (${path.map(s => s.name).join(' → ')})` : ''}`,
                after: step.after.join(', '),
                conditions: conditionsOf(step, p),
                confidential: step.confidential,
            })),
        };
    });
}

function conditionsOf(step: { ifUnresolved?: boolean; authorizedBy?: Parameters<typeof actorName>[0]; legalBasis?: string }, p: Phrasebook): string {
    return [
        step.ifUnresolved ? p.t('ifUnresolved') : '',
        step.authorizedBy ? p.t('authorizedBy', { authority: actorName(step.authorizedBy) }) : '',
        step.legalBasis ? p.t('cites', { basis: step.legalBasis }) : '',
    ].filter(Boolean).join('; ');
}

export interface DutyRow {
    readonly name: string;
    readonly citation: string;
    readonly action: string;
    readonly when: string;
    readonly conditions: string;
    readonly confidential: boolean;
}

export function dutyRows({ protocol, phrases: p }: CompiledProtocol): DutyRow[] {
    return protocol.duties.map(duty => ({
        name: duty.name,
        citation: duty.citation ?? '',
        action: stepText(duty),
        when: dutyTimingText(duty.when),
        conditions: conditionsOf(duty, p),
        confidential: duty.confidential,
    }));
}

export interface OfframpRow {
    readonly from: string;
    readonly to: string;
    readonly citation: string;
    readonly when: string;
    readonly holdFor: string;
}

export function offrampRows({ protocol }: CompiledProtocol): OfframpRow[] {
    return protocol.deescalations.map(d => ({
        from: d.from, to: d.to, citation: d.citation ?? '', when: offrampWhen(d), holdFor: d.holdFor ? formatDuration(d.holdFor.base) : '—',
    }));
}

/** The steps due in a resolved row: its level's, and those of the rules with a response of their own that hold there; none outside the scope. */
export function rowSteps({ protocol }: CompiledProtocol, row: ResolvedRow): string[] {
    return row.level === undefined ? [] : stepsDue(protocol, row.level.name, row.rules).map(s => s.step.name);
}

