// The preview's page: the server's report inside a shell with a strict Content-Security-Policy.
// Kept apart from the VS Code API so that it can be tested on its own.
import type { ReportError } from '../language/requests/contract.js';
import { Html, html } from '../render/html-template.js';
import { levelStylesheet } from '../render/html.js';

/** What the page shows: it changes with the drafter's edits, and the open page swaps it in place. */
export interface PreviewContent {
    readonly protocols: readonly string[];
    readonly current?: string;
    /** The report body from the language server, already escaped. */
    readonly body?: string;
    readonly problem?: string;
    /** The errors that keep the current text from its report; each one reveals itself on a click. */
    readonly errors?: readonly ReportError[];
    /** The body is the report of the last text without such errors, not of the current one. */
    readonly stale?: boolean;
}

export interface PreviewPage extends PreviewContent {
    /** The webview's own source for CSP (`webview.cspSource`). */
    readonly cspSource: string;
    /** A fresh random value per render: only scripts carrying it run. */
    readonly nonce: string;
    readonly styleUri: string;
    readonly scriptUri: string;
    readonly title: string;
}

export function previewHtml(page: PreviewPage): string {
    const csp = [
        "default-src 'none'",
        `style-src ${page.cspSource} 'nonce-${page.nonce}'`,
        `script-src 'nonce-${page.nonce}'`,
        `img-src ${page.cspSource} data:`,
        `font-src ${page.cspSource}`,
    ].join('; ');
    return html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${page.styleUri}" nonce="${page.nonce}">
<style nonce="${page.nonce}">${levelStylesheet()}</style>
<title>${page.title}</title>
</head>
<body>
<div id="content">${trusted(previewContent(page))}</div>
<script nonce="${page.nonce}" src="${page.scriptUri}"></script>
</body>
</html>
`.text;
}

/** The page's content: the protocol picker, the problem if any, and the report. */
export function previewContent(content: PreviewContent): string {
    return html`${content.protocols.length > 1 ? protocolPicker(content) : ''}
${content.errors && content.errors.length > 0 ? errorBanner(content.errors, content.stale === true && content.body !== undefined) : content.problem ? html`<p class="problem" role="status">${content.problem}</p>` : ''}
<main${content.stale ? html` class="stale"` : ''}>${content.body ? trusted(content.body) : ''}</main>`.text;
}

/** How many errors the banner names; the Problems view has the rest. */
const NAMED_ERRORS = 5;

/** The errors, each a link to where it is written, above the last good report if there is one. */
function errorBanner(errors: readonly ReportError[], stale: boolean): Html {
    const count = `${errors.length} error${errors.length === 1 ? '' : 's'}`;
    const more = errors.length - NAMED_ERRORS;
    return html`<section class="problem errors" role="status">
<p>${stale
        ? `The file has ${count}: the tables below are those of its last version without ${errors.length === 1 ? 'it' : 'them'}.`
        : `The file has ${count}: the tables appear once ${errors.length === 1 ? 'it is' : 'they are'} fixed.`}</p>
<ul>${errors.slice(0, NAMED_ERRORS).map(error => html`<li><a href="#" class="source" data-line="${error.line}" data-column="${error.column}" title="Reveal in the editor">Line ${error.line}, column ${error.column}</a>: ${error.message} <code>${error.code}</code></li>`)}${more > 0 ? html`<li>and ${more} more (see the Problems view).</li>` : ''}</ul>
</section>`;
}

function protocolPicker(page: PreviewContent): Html {
    return html`<nav class="protocols">Protocol: ${page.protocols.map(name =>
        html`<button type="button" class="protocol${name === page.current ? ' current' : ''}" data-protocol="${name}">${name}</button>`)}</nav>`;
}

/** The server renders the report with every protocol text escaped: it is inserted as it is. */
function trusted(body: string): Html {
    return new Html(body);
}
