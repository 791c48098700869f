// The Explain form's page: one field per indicator, fitted to its type, and the answer beside it.
// Kept apart from the VS Code API so that it can be tested on its own; every protocol text is escaped.
import type { ExplainResult, IndicatorInfo } from '../language/requests/contract.js';
import { type Html, html } from '../render/html-template.js';

/** The values of the form by indicator, as typed; empty means any value. */
export type FormValues = Readonly<Record<string, string>>;

export interface ExplainPage {
    /** The webview's own source for CSP (`webview.cspSource`). */
    readonly cspSource: string;
    /** A fresh random value per render: only scripts carrying it run. */
    readonly nonce: string;
    readonly styleUri: string;
    readonly scriptUri: string;
    readonly protocols: readonly string[];
    readonly protocol: string;
    readonly indicators: readonly IndicatorInfo[];
    readonly values: FormValues;
    readonly answer?: ExplainResult;
}

export function explainHtml(page: ExplainPage): string {
    const csp = [
        "default-src 'none'",
        `style-src ${page.cspSource} 'nonce-${page.nonce}'`,
        `script-src 'nonce-${page.nonce}'`,
        `font-src ${page.cspSource}`,
    ].join('; ');
    return html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${page.styleUri}" nonce="${page.nonce}">
<title>Explain ${page.protocol}</title>
</head>
<body>
<div class="explain">
<form id="form" autocomplete="off">${formContent(page)}</form>
<section id="answer" aria-live="polite">${answerContent(page.answer)}</section>
</div>
<script nonce="${page.nonce}" src="${page.scriptUri}"></script>
</body>
</html>
`.text;
}

/** The form's inside: the protocol (and its siblings), how many values are given, and the fields. */
export function formContent(page: Pick<ExplainPage, 'protocols' | 'protocol' | 'indicators' | 'values'>): string {
    const given = page.indicators.filter(i => (page.values[i.name] ?? '').trim() !== '').length;
    return html`<header>
<h1>Explain a situation of ${page.protocol}</h1>
${page.protocols.length > 1 ? html`<nav class="protocols">Protocol: ${page.protocols.map(name =>
        html`<button type="button" class="protocol${name === page.protocol ? ' current' : ''}" data-protocol="${name}">${name}</button>`)}</nav>` : ''}
<p class="meta"><span id="count">${countText(given, page.indicators.length)}</span> · an empty field stands for any value.
<button type="button" id="clear">Clear all</button></p>
</header>
${page.indicators.map(indicator => field(indicator, page.values[indicator.name] ?? ''))}`.text;
}

export function countText(given: number, total: number): string {
    return `${given} of ${total} indicator${total === 1 ? '' : 's'} given`;
}

/** One indicator's field: a choice for flags, scales and `one of`; a number with its unit otherwise. */
function field(indicator: IndicatorInfo, value: string): Html {
    const id = `field-${indicator.name}`;
    const error = `error-${indicator.name}`;
    const choices = indicator.kind === 'flag' ? ['true', 'false'] : indicator.members;
    const control = choices
        ? html`<select id="${id}" data-indicator="${indicator.name}" aria-describedby="${error}">
<option value=""${value === '' ? ' selected' : ''}>any value</option>
${choices.map(choice => html`<option value="${choice}"${choice === value ? ' selected' : ''}>${choice}</option>`)}
</select>`
        : html`<input type="text" id="${id}" data-indicator="${indicator.name}" value="${value}" placeholder="${placeholder(indicator)}" aria-describedby="${error}" spellcheck="false">`;
    return html`<div class="field">
<label for="${id}"><code>${indicator.name}</code> ${indicator.label}</label>
<div class="control">${control}${!choices && indicator.units && indicator.units.length > 0 ? html`<span class="units">${indicator.units.join(', ')}</span>` : ''}</div>
<p class="error" id="${error}" role="alert"></p>
</div>
`;
}

function placeholder(indicator: IndicatorInfo): string {
    if (indicator.kind === 'count') return 'a whole number, e.g. 3';
    if (indicator.kind === 'percent') return 'e.g. 20 %';
    const unit = indicator.unit ?? indicator.units?.[0];
    return unit ? `e.g. 2 ${unit}` : 'a number';
}

/** The answer: the level (or the levels still possible), then why and what is due, as `detente explain` says it. */
export function answerContent(answer: ExplainResult | undefined): string {
    if (!answer) return html`<p class="meta">The answer appears here as values are given.</p>`.text;
    if (answer.problem) return html`<p class="problem" role="status">${answer.problem}</p>`.text;
    return sections(answer.text ?? '').map(({ title, lines }, i) => html`${i === 0 ? html`<h2>${title}</h2>` : html`<h3>${title}</h3>`}
${lines.length > 0 ? html`<pre>${lines.join('\n')}</pre>` : ''}
`.text).join('');
}

/**
 * The explanation's text cut at its headings (`Level: …`, `Rules that hold:`, `Steps due at …:`), each
 * with its indented lines; the first line, the protocol with the values given, is the form itself.
 */
function sections(text: string): Array<{ title: string; lines: string[] }> {
    const found: Array<{ title: string; lines: string[] }> = [];
    for (const line of text.split('\n').slice(1)) {
        if (line.trim() === '') continue;
        if (/^\S/.test(line)) found.push({ title: line.replace(/:$/, ''), lines: [] });
        else found.at(-1)?.lines.push(line.replace(/^ {2}/, ''));
    }
    return found;
}
