// HTML: one self-contained, print-ready page — the ladder drawn as SVG, the resolved and rule tables,
// the responses with their deadlines, the duties, the red lines' consequences, and the findings of `check`
// (accepted ones apart), in the publication's language. No script, no network.
import { ruleHoldsIn } from '../analysis/meaning.js';
import type { ReportedFinding } from '../analysis/findings.js';
import type { Protocol, Rule } from '../model/protocol.js';
import type { DecisionTables, ResolvedRow } from '../tables/tables.js';
import type { CompiledProtocol } from './compiled.js';
import { type Html, html } from './html-template.js';
import { ladderSvg, levelColour } from './ladder-svg.js';
import { headerLine } from './metadata.js';
import { dutyRows, offrampRows, redlineRows, responseSections, rowSteps, scopeRows } from './sections.js';
import { conditionText, constraintText, levelTitle, testText } from './text.js';

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
th.indicator code { font-weight: 400; color: var(--muted); font-size: 11px; }
.wide { overflow-x: auto; max-width: 100%; }
table.decision th.sticky, table.decision td.sticky { position: sticky; left: 0; z-index: 1; background: #fff; box-shadow: 1px 0 0 var(--rule); }
table.decision th.sticky { background: var(--head); }
.outside { font-style: italic; color: var(--muted); }
.confidential { display: inline-block; margin-left: .3rem; padding: 0 .35rem; border: 1px solid #8d1c1c; border-radius: 3px; color: #8d1c1c; font-size: 11px; font-weight: 600; text-transform: uppercase; letter-spacing: .03em; }
table.accepted { color: var(--muted); }
@page { size: A4 landscape; margin: 14mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 11px; }
  h2, h3 { break-after: avoid; } tr, svg.ladder { break-inside: avoid; } thead { display: table-header-group; }
  .wide { overflow: visible; } table.decision th.sticky, table.decision td.sticky { position: static; box-shadow: none; }
  table.decision { font-size: 9px; } a { color: inherit; text-decoration: none; }
}
`;

export function renderHtml(compiled: CompiledProtocol): string {
    const { protocol } = compiled;
    const page = html`<!DOCTYPE html>
<html lang="${compiled.language}">
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

type Badge = (level: string | undefined) => Html;

/** The report itself, shared with the editor's preview. */
export function reportBody(compiled: CompiledProtocol, options: ReportOptions = {}): Html {
    const { protocol, phrases: p } = compiled;
    const badge: Badge = name => name === undefined ? html`<span class="outside">${p.t('outside')}</span>` : levelBadge(protocol, name, options.inlineStyles ?? true);
    return html`<header>
<h1>${protocol.title}</h1>
<p class="meta">${headerLine(compiled)}</p>
</header>
<section id="ladder"><h2>${p.t('table.ladder')}</h2>
${ladderSvg(protocol)}
</section>
${scope(compiled)}
${compiled.edition === 'full' ? html`<section id="findings"><h2>${p.t('table.findings')}</h2>
${findings(compiled)}
</section>` : ''}
${redlines(compiled, badge)}
<section id="resolved"><h2>${p.t('table.resolvedTable')}</h2>
<p class="note">${p.t('table.resolvedPolicy')}</p>
${resolvedTable(compiled, badge)}
</section>
<section id="responses"><h2>${p.t('table.responses')}</h2>
${responses(compiled, badge)}
</section>
${duties(compiled)}
<section id="rules"><h2>${p.t('table.ruleTable')}</h2>
<p class="note">${p.t('table.rulePolicy')}</p>
${ruleTable(compiled, badge)}
</section>
${deescalations(compiled, badge)}
${scenarios(compiled, badge)}`;
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

/** A table that scrolls sideways on its own, so that the page does not. */
function wide(content: Html): Html {
    return html`<div class="wide">${content}</div>`;
}

/** The mark of a confidential element in the full edition. */
function secret(compiled: CompiledProtocol, confidential: boolean): Html {
    return confidential ? html` <span class="confidential">${compiled.phrases.t('confidential')}</span>` : html``;
}

/** An indicator's column header: its label, with its name below, smaller. */
function indicatorHeader(indicator: Protocol['indicators'][number]): Html {
    return html`<th class="indicator">${indicator.label}${indicator.label !== indicator.name ? html`<br><code>${indicator.name}</code>` : ''}</th>`;
}

function scope(compiled: CompiledProtocol): Html {
    const rows = scopeRows(compiled);
    if (rows.length === 0) return html``;
    const { phrases: p } = compiled;
    return html`<section id="scope"><h2>${p.t('table.scope')}</h2>
<p class="note">${p.t('table.scopeText')}</p>
<table><thead><tr><th>${p.t('col.citation')}</th><th>${p.t('col.condition')}</th></tr></thead><tbody>
${rows.map(row => html`<tr><td>${row.citation}</td><td><code>${row.condition}</code></td></tr>\n`)}
</tbody></table></section>`;
}

function findings({ findings: list, phrases: p }: CompiledProtocol): Html {
    const open = list.filter(f => !f.accepted);
    const accepted = list.filter(f => f.accepted);
    const where = (f: ReportedFinding) => html`<td>${f.file}:${f.line}:${f.column}</td>`;
    const row = (f: ReportedFinding, extra: Html = html``) => html`<tr class="source" data-line="${f.line}" data-column="${f.column}">${where(f)}<td class="severity-${f.severity}">${f.severity}</td><td><code>${f.code}</code></td><td>${f.message}</td>${extra}</tr>\n`;
    const main = open.length === 0
        ? html`<p>No findings: <code>detente check</code> reports nothing for this protocol.</p>`
        : html`<table><thead><tr><th>${p.t('col.where')}</th><th>${p.t('col.severity')}</th><th>${p.t('col.code')}</th><th>${p.t('col.message')}</th></tr></thead><tbody>
${open.map(f => row(f))}
</tbody></table>`;
    if (accepted.length === 0) return main;
    return html`${main}
<h3>${p.t('table.accepted')}</h3>
<table class="accepted"><thead><tr><th>${p.t('col.where')}</th><th>${p.t('col.severity')}</th><th>${p.t('col.code')}</th><th>${p.t('col.message')}</th><th>${p.t('col.justification')}</th></tr></thead><tbody>
${accepted.map(f => row(f, html`<td>${f.accepted!.justification}</td>`))}
</tbody></table>`;
}

function redlines(compiled: CompiledProtocol, badge: Badge): Html {
    const rows = redlineRows(compiled);
    if (rows.length === 0) return html``;
    const { phrases: p } = compiled;
    return html`<section id="redlines"><h2>${p.t('table.redlines')}</h2>
<table><thead><tr><th>${p.t('col.rule')}</th><th>${p.t('col.citation')}</th><th>${p.t('col.condition')}</th><th>${p.t('col.level')}</th><th>${p.t('col.consequence')}</th><th>${p.t('col.disclosure')}</th></tr></thead><tbody>
${rows.map(row => html`<tr><td class="redline">${row.name}</td><td>${row.citation}</td><td><code>${row.condition}</code></td><td>${badge(row.level)}</td><td>${row.consequence}</td><td>${row.disclosure}</td></tr>\n`)}
</tbody></table></section>`;
}

/** The resolved table, its level first and kept in view while the indicators scroll by. */
function resolvedTable(compiled: CompiledProtocol, badge: Badge): Html {
    const { protocol, tables, phrases: p } = compiled;
    return wide(html`<table class="decision"><thead><tr><th class="sticky">${p.t('col.level')}</th>${protocol.indicators.map(indicatorHeader)}<th>${p.t('col.steps')}</th></tr></thead><tbody>
${tables.resolvedRows.map(row => html`<tr${sourceOf(deciding(protocol, tables, row))}><td class="sticky">${badge(row.level?.name)}</td>${row.constraints.map(c => cell(constraintText(c)))}<td>${rowSteps(compiled, row).join(', ') || '—'}</td></tr>\n`)}
</tbody></table>`);
}

/** Where a row's rule is written, for the editor's preview to reveal it on a click. */
function sourceOf(rule: Rule | undefined): Html {
    if (!rule) return html``;
    const { line, character } = rule.source.range.start;
    return html` class="source" data-line="${line + 1}" data-column="${character + 1}"`;
}

/** The rule that decides a resolved row's level (none for the baseline and outside the scope). */
function deciding(protocol: Protocol, tables: DecisionTables, row: ResolvedRow): Rule | undefined {
    if (!row.level || row.level.rank === 0) return undefined;
    const witness = tables.space.witness(row.box);
    return protocol.rules.find(rule => rule.level === row.level!.name && ruleHoldsIn(protocol, rule, witness));
}

function ruleTable(compiled: CompiledProtocol, badge: Badge): Html {
    const { protocol, tables, phrases: p } = compiled;
    const unless = protocol.rules.some(rule => rule.unless);
    return wide(html`<table class="decision"><thead><tr><th class="sticky">${p.t('col.rule')}</th><th>${p.t('col.level')}</th><th>${p.t('col.citation')}</th>${protocol.indicators.map(indicatorHeader)}${unless ? html`<th>${p.t('col.unless')}</th>` : ''}</tr></thead><tbody>
${tables.ruleRows.map(row => html`<tr data-rule="${row.rule.name}"${sourceOf(row.rule)}><td class="sticky ${row.rule.kind}">${row.rule.kind === 'redline' ? `${p.t('redline')} ` : ''}${row.rule.name}${row.parts > 1 ? ` (${row.part}/${row.parts})` : ''}</td><td>${badge(row.level.name)}</td><td>${row.rule.citation ?? ''}</td>${row.constraints.map(c => cell(constraintText(c)))}${unless ? html`<td>${row.rule.unless ? html`<code>${conditionText(row.rule.unless)}</code>` : ''}</td>` : ''}</tr>\n`)}
</tbody></table>`);
}

function responses(compiled: CompiledProtocol, badge: Badge): Html {
    const { phrases: p } = compiled;
    const sections = responseSections(compiled);
    if (sections.length === 0) return html`<p>No responses are declared.</p>`;
    return html`${sections.map(section => {
        const details = [section.citation, section.within, section.includes].filter(Boolean).join(' · ');
        return html`<h3>${section.level ? badge(section.level) : ''} ${section.title}${secret(compiled, section.confidential)}${details ? html` <span class="meta">— ${details}</span>` : ''}</h3>
<table><thead><tr><th>${p.t('col.step')}</th><th>${p.t('col.citation')}</th><th>${p.t('col.action')}</th><th>${p.t('col.within')}</th><th>${p.t('col.dueBy')}</th><th>${p.t('col.conditions')}</th></tr></thead><tbody>
${section.steps.map(step => html`<tr><td>${step.name}${secret(compiled, step.confidential)}</td><td>${step.citation}</td><td>${step.action}</td><td>${step.timing}</td><td>${step.dueBy}</td><td>${step.conditions}</td></tr>\n`)}
</tbody></table>`;
    })}`;
}

function duties(compiled: CompiledProtocol): Html {
    const rows = dutyRows(compiled);
    if (rows.length === 0) return html``;
    const { phrases: p } = compiled;
    return html`<section id="duties"><h2>${p.t('table.duties')}</h2>
<table><thead><tr><th>${p.t('col.duty')}</th><th>${p.t('col.citation')}</th><th>${p.t('col.action')}</th><th>${p.t('col.when')}</th><th>${p.t('col.conditions')}</th></tr></thead><tbody>
${rows.map(row => html`<tr><td>${row.name}${secret(compiled, row.confidential)}</td><td>${row.citation}</td><td>${row.action}</td><td>${row.when}</td><td>${row.conditions}</td></tr>\n`)}
</tbody></table></section>`;
}

function deescalations(compiled: CompiledProtocol, badge: Badge): Html {
    const rows = offrampRows(compiled);
    if (rows.length === 0) return html``;
    const { phrases: p } = compiled;
    return html`<section id="deescalations"><h2>${p.t('table.deescalation')}</h2>
<table><thead><tr><th>${p.t('col.from')}</th><th>${p.t('col.to')}</th><th>${p.t('col.citation')}</th><th>${p.t('col.when')}</th><th>${p.t('col.for')}</th></tr></thead><tbody>
${rows.map(row => html`<tr><td>${badge(row.from)}</td><td>${badge(row.to)}</td><td>${row.citation}</td><td><code>${row.when}</code></td><td>${row.holdFor}</td></tr>\n`)}
</tbody></table></section>`;
}

function scenarios(compiled: CompiledProtocol, badge: Badge): Html {
    const { protocol, phrases: p } = compiled;
    if (protocol.scenarios.length === 0) return html``;
    return html`<section id="scenarios"><h2>${p.t('table.scenarios')}</h2>
<table><thead><tr><th>${p.t('col.scenario')}</th><th>${p.t('col.given')}</th><th>${p.t('col.expect')}</th><th>${p.t('col.steps')}</th></tr></thead><tbody>
${protocol.scenarios.map(s => html`<tr><td>${s.name}${secret(compiled, s.confidential)}</td><td><code>${s.given.map(testText).join(', ')}</code></td><td>${s.outside ? badge(undefined) : html`${s.bound === 'exactly' ? '' : `${s.bound} `}${badge(s.level!)}`}</td><td>${s.steps.join(', ')}</td></tr>\n`)}
</tbody></table></section>`;
}
