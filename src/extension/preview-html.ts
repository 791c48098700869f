// The preview's page: the server's report inside a shell with a strict Content-Security-Policy.
// Kept apart from the VS Code API so that it can be tested on its own.
import { Html, html } from '../render/html-template.js';
import { levelStylesheet } from '../render/html.js';

/** What the page shows: it changes with the drafter's edits, and the open page swaps it in place. */
export interface PreviewContent {
    readonly protocols: readonly string[];
    readonly current?: string;
    /** The report body from the language server, already escaped. */
    readonly body?: string;
    readonly problem?: string;
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
${content.problem ? html`<p class="problem" role="status">${content.problem}</p>` : ''}
<main>${content.body ? trusted(content.body) : ''}</main>`.text;
}

function protocolPicker(page: PreviewContent): Html {
    return html`<nav class="protocols">Protocol: ${page.protocols.map(name =>
        html`<button type="button" class="protocol${name === page.current ? ' current' : ''}" data-protocol="${name}">${name}</button>`)}</nav>`;
}

/** The server renders the report with every protocol text escaped: it is inserted as it is. */
function trusted(body: string): Html {
    return new Html(body);
}
