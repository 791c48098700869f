// The preview's only script: clicking a row or a finding asks the extension to reveal it in the editor.
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
            vscode.postMessage({
                command: 'reveal',
                line: Number(source.getAttribute('data-line')),
                column: Number(source.getAttribute('data-column') || '1'),
            });
        }
    });
}());
