// A comparison of two versions for people (text for a terminal, Markdown for a negotiation memo) and for
// programs (JSON). Situations are shown as regions; a change of a whole level's situations as one line.
import { OUTSIDE, type ProtocolDiff, type SituationChange, hasChanges } from '../analysis/diff.js';
import { constraintsOf } from '../tables/constraints.js';
import { escapeMarkdown } from './markdown.js';
import { printable } from './printable.js';
import { boxText } from './text.js';

/** At most this many regions are listed for one change; the rest are counted. */
const MAX_REGIONS = 6;

function title(diff: ProtocolDiff): string {
    return diff.before.name === diff.after.name ? diff.after.name : `${diff.before.name} → ${diff.after.name}`;
}

function level(name: string): string {
    return name === OUTSIDE ? 'outside the scope' : name;
}

/** Where a change happened: one line for a whole level, else its regions (the first few, then a count). */
function where(diff: ProtocolDiff, change: SituationChange): string[] {
    if (change.whole === 'both' || change.whole === 'from') return [`every situation that was ${change.from === OUTSIDE ? 'outside the scope' : `at ${change.from}`}`];
    if (change.whole === 'to') return [`every situation now ${change.to === OUTSIDE ? 'outside the scope' : `at ${change.to}`}`];
    const regions = change.boxes.slice(0, MAX_REGIONS).map(box => boxText(constraintsOf(diff.space!, box)));
    const more = change.boxes.length - MAX_REGIONS;
    return more > 0 ? [...regions, `and ${more} more region${more === 1 ? '' : 's'}`] : regions;
}

export function diffText(diff: ProtocolDiff): string {
    if (!hasChanges(diff)) return `${title(diff)}: no change.\n`;
    const lines = [`${title(diff)}:`];
    if (diff.incomparable) lines.push(`  Situations cannot be compared: ${diff.incomparable}.`);
    const situations = (heading: string, changes: readonly SituationChange[], label: (c: SituationChange) => string) => {
        if (changes.length === 0) return;
        lines.push(`  ${heading}:`);
        for (const change of changes) {
            lines.push(`    ${label(change)}`);
            where(diff, change).forEach((text, i) => lines.push(`      ${i === 0 || !text.startsWith('and ') ? 'where ' : ''}${text}`));
            lines.push(`      e.g. at ${change.example.description}`);
        }
    };
    situations('Situations whose level changed', diff.levelChanges, c => `${level(c.from)} → ${level(c.to)}`);
    situations('Situations whose response changed', diff.responseChanges, c => `at ${c.to}`);
    for (const element of diff.elements) {
        lines.push(`  ${element.title}:`);
        for (const change of element.changes) {
            if (change.change === 'added') lines.push(`    + ${change.name}: ${change.after}`);
            else if (change.change === 'removed') lines.push(`    − ${change.name}: ${change.before}`);
            else lines.push(`    ~ ${change.name}: ${change.fields.map(f => `${f.field} ${f.before}  ⇒  ${f.after}`).join('; ')}`);
        }
    }
    // One entry per line: a label or citation holding a line break or an escape sequence stays in its line.
    return lines.map(printable).join('\n') + '\n';
}

/** A negotiation memo: what changed in the situations, then in the text, element by element. */
export function diffMarkdown(diff: ProtocolDiff): string {
    const md = escapeMarkdown;
    const cell = (text: string) => md(text);
    const out: string[] = [];
    const versions = [diff.before.version, diff.after.version].every(Boolean) ? ` (version ${md(diff.before.version!)} → ${md(diff.after.version!)})` : '';
    out.push(`# Changes to ${md(diff.after.title)}${versions}`, '');
    if (!hasChanges(diff)) {
        out.push('No change: the two versions say the same.', '');
        return out.join('\n');
    }
    if (diff.incomparable) out.push(`Situations cannot be compared: ${md(diff.incomparable)}.`, '');
    const situations = (heading: string, changes: readonly SituationChange[], label: (c: SituationChange) => string) => {
        if (changes.length === 0) return;
        out.push(`## ${heading}`, '');
        out.push('| change | where | for example |', '| --- | --- | --- |');
        for (const change of changes) {
            out.push(`| ${cell(label(change))} | ${where(diff, change).map(cell).join('<br>')} | ${cell(change.example.description)} |`);
        }
        out.push('');
    };
    situations('Situations whose level changed', diff.levelChanges, c => `${level(c.from)} → ${level(c.to)}`);
    situations('Situations whose response changed', diff.responseChanges, c => `response at ${c.to}`);
    for (const element of diff.elements) {
        out.push(`## ${md(element.title)}`, '');
        out.push('| | element | before | after |', '| --- | --- | --- | --- |');
        for (const change of element.changes) {
            if (change.change === 'added') out.push(`| added | ${cell(change.name)} | | ${cell(change.after!)} |`);
            else if (change.change === 'removed') out.push(`| removed | ${cell(change.name)} | ${cell(change.before!)} | |`);
            else for (const field of change.fields) out.push(`| changed | ${cell(change.name)}: ${cell(field.field)} | ${cell(field.before)} | ${cell(field.after)} |`);
        }
        out.push('');
    }
    return out.join('\n');
}

export function diffJson(diff: ProtocolDiff) {
    const situations = (changes: readonly SituationChange[]) => changes.map(change => ({
        from: change.from === OUTSIDE ? null : change.from,
        to: change.to === OUTSIDE ? null : change.to,
        ...(change.whole ? { whole: change.whole } : {}),
        where: change.boxes.map(box => boxText(constraintsOf(diff.space!, box))),
        example: change.example.json.situation,
    }));
    return {
        protocol: diff.after.name,
        ...(diff.before.name !== diff.after.name ? { before: diff.before.name } : {}),
        changed: hasChanges(diff),
        ...(diff.incomparable ? { incomparable: diff.incomparable } : {}),
        levelChanges: situations(diff.levelChanges),
        responseChanges: situations(diff.responseChanges),
        ...Object.fromEntries(diff.elements.map(element => [element.kind, element.changes.map(change => ({
            name: change.name,
            change: change.change,
            ...(change.fields.length > 0 ? { fields: change.fields.map(f => f.field), changes: change.fields } : {}),
            ...(change.before !== undefined ? { before: change.before } : {}),
            ...(change.after !== undefined ? { after: change.after } : {}),
        }))])),
    };
}
