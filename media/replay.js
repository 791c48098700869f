// The replay page's only script: clicking an obligation (a row of the table or a mark of the chart) asks
// the extension to reveal its step or duty in the protocol.
(function () {
    const vscode = acquireVsCodeApi();
    document.addEventListener('click', event => {
        const target = event.target instanceof Element ? event.target : null;
        const source = target && target.closest('[data-line]');
        if (!source) return;
        vscode.postMessage({
            command: 'reveal',
            uri: source.getAttribute('data-uri'),
            line: Number(source.getAttribute('data-line')),
            column: Number(source.getAttribute('data-column') || '1'),
        });
    });
}());
