// HTML: one self-contained, print-ready page — the ladder drawn as SVG, the resolved and rule tables,
// the responses with their deadlines, and the findings of `check`. No script, no network.
import { ruleHoldsIn } from '../analysis/meaning.js';
import type { Protocol, Rule } from '../model/protocol.js';
import type { DecisionTables, ResolvedRow } from '../tables/tables.js';
import type { CompiledProtocol } from './compiled.js';
import { type Html, html } from './html-template.js';
import { ladderSvg, levelColour } from './ladder-svg.js';
import { actorName, constraintText, formatDuration, levelTitle, offrampWhen, stepText, testText } from './text.js';

const STYLE = `
:root { color-scheme: light; --ink: #1b1b1b; --muted: #5b5b5b; --rule: #c8c8c8; --head: #f1f1f1; }
* { box-sizing: border-box; }
body { font: 14px/1.45 "Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif; color: var(--ink); margin: 2rem auto; max-width: 1100px; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin: 0 0 .2rem; } h2 { font-size: 1.2rem; margin: 2rem 0 .6rem; border-bottom: 2px solid var(--rule); }
h3 { font-size: 1rem; margin: 1.2rem 0 .4rem; }
.meta, .note { color: var(--muted); } .note { margin: .2rem 0 .6rem; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; font-size: 13px; }
th, td { border: 1px solid var(--rule); padding: .3rem .45rem; text-align: left; vertical-align: top; }
th { background: var(--head); font-weight: 600; }
td.any { color: var(--muted); text-align: center; }
tr.source { cursor: default; }
.level { display: inline-block; padding: 0 .45rem; border-radius: 3px; color: #fff; font-weight: 600; }
.redline { font-weight: 700; }
.severity-error { color: #b71c1c; font-weight: 600; } .severity-warning { color: #8d5a00; font-weight: 600; } .severity-info { color: #1f5fa8; }
svg.ladder { max-width: 100%; height: auto; }
svg.ladder .level-name { fill: #fff; font-weight: 700; font-size: 14px; }
svg.ladder .level-label, svg.ladder .level-detail { fill: #fff; font-size: 11px; }
svg.ladder .offramp path { fill: none; stroke: #444; stroke-width: 1.5; }
svg.ladder .hold { font-size: 11px; fill: #444; }
code { font-family: ui-monospace, "Cascadia Mono", Consolas, monospace; font-size: 12px; }
@page { size: A4 landscape; margin: 14mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 11px; }
  h2 { break-after: avoid; } tr, svg.ladder { break-inside: avoid; } thead { display: table-header-group; }
}
`;

export function renderHtml(compiled: CompiledProtocol): string {
    const { protocol } = compiled;
    const page = html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${protocol.name} — ${protocol.title}</title>
<style>${STYLE}</style>
</head>
<body>
${reportBody(compiled)}
</body>
</html>
`;
    return page.text;
}

export interface ReportOptions {
    /**
     * Colour level badges with `style` attributes (the standalone page). The editor's preview forbids
     * inline styles and colours them through `levelStylesheet()` instead.
     */
    readonly inlineStyles?: boolean;
}

type Badge = (level: string) => Html;

/** The report itself, shared with the editor's preview. */
export function reportBody(compiled: CompiledProtocol, options: ReportOptions = {}): Html {
    const { protocol } = compiled;
    const badge: Badge = name => levelBadge(protocol, name, options.inlineStyles ?? true);
    return html`<header>
<h1>${protocol.title}</h1>
<p class="meta"><code>${protocol.name}</code>${protocol.version ? html` · version ${protocol.version}` : ''} · compiled from <code>${compiled.source}</code></p>
</header>
<section id="ladder"><h2>Escalation ladder</h2>
${ladderSvg(protocol)}
</section>
<section id="findings"><h2>Findings</h2>
${findings(compiled)}
</section>
<section id="resolved"><h2>Resolved decision table</h2>
<p class="note">Every situation falls in exactly one row (hit policy UNIQUE); rows run from the most severe level down. “—” allows any value.</p>
${resolvedTable(compiled, badge)}
</section>
<section id="responses"><h2>Responses and deadlines</h2>
${responses(compiled, badge)}
</section>
<section id="rules"><h2>Rule table</h2>
<p class="note">The level of a situation is the most severe level among the rules that hold (hit policy PRIORITY), or ${protocol.levels[0]?.name} when none holds.</p>
${ruleTable(compiled, badge)}
</section>
${deescalations(protocol, badge)}
${scenarios(protocol, badge)}`;
}

function levelBadge(protocol: Protocol, name: string, inlineStyle: boolean): Html {
    const level = protocol.levels.find(l => l.name === name);
    const rank = level?.rank ?? 0;
    const count = protocol.levels.length;
    // The class carries the colour where inline styles are not allowed (the editor's preview); the attribute elsewhere.
    const style = inlineStyle ? html` style="background: ${levelColour(rank, count)}"` : html``;
    return html`<span class="level ${levelClass(rank, count)}"${style} title="${level ? levelTitle(level) : name}">${name}</span>`;
}

function levelClass(rank: number, levels: number): string {
    return `level-${rank}-of-${levels}`;
}

/** A stylesheet giving every `levelClass` its colour, for ladders of up to `maxLevels` levels. */
export function levelStylesheet(maxLevels = 12): string {
    const rules: string[] = [];
    for (let count = 1; count <= maxLevels; count++) {
        for (let rank = 0; rank < count; rank++) {
            rules.push(`.${levelClass(rank, count)} { background: ${levelColour(rank, count)}; }`);
        }
    }
    return rules.join('\n');
}

function cell(text: string): Html {
    return text === '—' ? html`<td class="any">—</td>` : html`<td>${text}</td>`;
}

function findings({ findings: list }: CompiledProtocol): Html {
    if (list.length === 0) return html`<p>No findings: <code>detente check</code> reports nothing for this protocol.</p>`;
    return html`<table><thead><tr><th>where</th><th>severity</th><th>code</th><th>finding</th></tr></thead><tbody>
${list.map(f => html`<tr class="source" data-line="${f.line}" data-column="${f.column}"><td>${f.file}:${f.line}:${f.column}</td><td class="severity-${f.severity}">${f.severity}</td><td><code>${f.code}</code></td><td>${f.message}</td></tr>\n`)}
</tbody></table>`;
}

function resolvedTable({ protocol, tables }: CompiledProtocol, badge: Badge): Html {
    return html`<table><thead><tr>${protocol.indicators.map(i => html`<th title="${i.label}">${i.name}</th>`)}<th>level</th><th>steps due</th></tr></thead><tbody>
${tables.resolvedRows.map(row => html`<tr${sourceOf(deciding(protocol, tables, row))}>${row.constraints.map(c => cell(constraintText(c)))}<td>${badge(row.level.name)}</td><td>${(tables.steps.get(row.level.name) ?? []).map(s => s.step.name).join(', ') || '—'}</td></tr>\n`)}
</tbody></table>`;
}

/** Where a row's rule is written, for the editor's preview to reveal it on a click. */
function sourceOf(rule: Rule | undefined): Html {
    if (!rule) return html``;
    const { line, character } = rule.source.range.start;
    return html` class="source" data-line="${line + 1}" data-column="${character + 1}"`;
}

/** The rule that decides a resolved row's level (none for the baseline). */
function deciding(protocol: Protocol, tables: DecisionTables, row: ResolvedRow): Rule | undefined {
    if (row.level.rank === 0) return undefined;
    const witness = tables.space.witness(row.box);
    return protocol.rules.find(rule => rule.level === row.level.name && ruleHoldsIn(protocol, rule, witness));
}

function ruleTable({ protocol, tables }: CompiledProtocol, badge: Badge): Html {
    return html`<table><thead><tr><th>rule</th><th>citation</th>${protocol.indicators.map(i => html`<th title="${i.label}">${i.name}</th>`)}<th>level</th></tr></thead><tbody>
${tables.ruleRows.map(row => html`<tr data-rule="${row.rule.name}"${sourceOf(row.rule)}><td class="${row.rule.kind}">${row.rule.kind === 'redline' ? 'red line ' : ''}${row.rule.name}${row.parts > 1 ? ` (${row.part}/${row.parts})` : ''}</td><td>${row.rule.citation ?? ''}</td>${row.constraints.map(c => cell(constraintText(c)))}<td>${badge(row.level.name)}</td></tr>\n`)}
</tbody></table>`;
}

function responses({ protocol, tables }: CompiledProtocol, badge: Badge): Html {
    if (protocol.responses.length === 0) return html`<p>No responses are declared.</p>`;
    return html`${[...protocol.responses].reverse().map(response => {
        const level = protocol.levels.find(l => l.name === response.level)!;
        return html`<h3>${badge(level.name)} ${level.label}${response.within ? html` — within ${formatDuration(response.within.base)}` : ''}</h3>
<table><thead><tr><th>step</th><th>action</th><th>within</th><th>due by</th><th>critical path</th><th>conditions</th></tr></thead><tbody>
${(tables.steps.get(level.name) ?? []).map(({ step, deadline, path }) => html`<tr><td>${step.name}</td><td>${stepText(step)}</td><td>${formatDuration(step.within.base)}</td><td>${deadline ? formatDuration(deadline) : 'no deadline'}</td><td>${path.map(s => s.name).join(' → ')}</td><td>${[
            step.ifUnresolved ? 'if unresolved' : '',
            step.authorizedBy ? `authorized by ${actorName(step.authorizedBy)}` : '',
            step.legalBasis ? `cites ${step.legalBasis}` : '',
        ].filter(Boolean).join('; ')}</td></tr>\n`)}
</tbody></table>`;
    })}`;
}

function deescalations(protocol: Protocol, badge: Badge): Html {
    if (protocol.deescalations.length === 0) return html``;
    return html`<section id="deescalations"><h2>De-escalation</h2>
<table><thead><tr><th>from</th><th>to</th><th>when</th><th>for</th></tr></thead><tbody>
${protocol.deescalations.map(d => html`<tr><td>${badge(d.from)}</td><td>${badge(d.to)}</td><td><code>${offrampWhen(d)}</code></td><td>${d.holdFor ? formatDuration(d.holdFor.base) : '—'}</td></tr>\n`)}
</tbody></table></section>`;
}

function scenarios(protocol: Protocol, badge: Badge): Html {
    if (protocol.scenarios.length === 0) return html``;
    return html`<section id="scenarios"><h2>Scenarios</h2>
<table><thead><tr><th>scenario</th><th>given</th><th>expect</th><th>steps</th></tr></thead><tbody>
${protocol.scenarios.map(s => html`<tr><td>${s.name}</td><td><code>${s.given.map(testText).join(', ')}</code></td><td>${s.outside ? 'outside scope' : html`${s.bound === 'exactly' ? '' : `${s.bound} `}${badge(s.level!)}`}</td><td>${s.steps.join(', ')}</td></tr>\n`)}
</tbody></table></section>`;
}
