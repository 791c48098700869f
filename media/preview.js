// The preview's only script: clicking a row or a finding asks the extension to reveal it in the editor;
// the extension sends each new content of the page, swapped in place so that the scroll position stays.
(function () {
    const vscode = acquireVsCodeApi();
    document.addEventListener('click', event => {
        const target = event.target instanceof Element ? event.target : null;
        const protocol = target && target.closest('[data-protocol]');
        if (protocol) {
            vscode.postMessage({ command: 'protocol', name: protocol.getAttribute('data-protocol') });
            return;
        }
        const source = target && target.closest('[data-line]');
        if (source) {
            event.preventDefault();
            vscode.postMessage({
                command: 'reveal',
                line: Number(source.getAttribute('data-line')),
                column: Number(source.getAttribute('data-column') || '1'),
            });
        }
    });
    // The content is the report the language server rendered with all protocol text escaped, the same
    // markup the page was loaded with; the page's Content-Security-Policy still runs no inline script.
    window.addEventListener('message', event => {
        const message = event.data;
        const content = document.getElementById('content');
        if (content && message && message.command === 'update' && typeof message.content === 'string') {
            content.innerHTML = message.content;
        }
    });
    vscode.postMessage({ command: 'ready' });
}());
