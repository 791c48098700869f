// The Explain form's only script: each change of a field sends the values to the extension (a moment
// after the last keystroke); the extension answers with the explanation and the fields it cannot read.
(function () {
    const vscode = acquireVsCodeApi();
    let timer;
    const fields = () => Array.from(document.querySelectorAll('[data-indicator]'));
    const values = () => Object.fromEntries(fields().map(field => [field.getAttribute('data-indicator'), field.value]));
    // Fields changed since the last answer: a form redrawn meanwhile (after an edit of the protocol) keeps them.
    let changed = new Set();
    const send = delay => {
        clearTimeout(timer);
        timer = setTimeout(() => vscode.postMessage({ command: 'values', values: values() }), delay);
    };
    document.addEventListener('input', event => {
        const field = event.target instanceof Element && event.target.closest('[data-indicator]');
        if (!field) return;
        changed.add(field.getAttribute('data-indicator'));
        send(event.target.tagName === 'SELECT' ? 0 : 150);
    });
    document.addEventListener('click', event => {
        const target = event.target instanceof Element ? event.target : null;
        const protocol = target && target.closest('[data-protocol]');
        if (protocol) {
            changed = new Set();
            vscode.postMessage({ command: 'protocol', name: protocol.getAttribute('data-protocol') });
        } else if (target && target.id === 'clear') {
            for (const field of fields()) {
                field.value = '';
                changed.add(field.getAttribute('data-indicator'));
            }
            send(0);
        }
    });
    document.addEventListener('submit', event => event.preventDefault());
    // The markup comes from the extension, every protocol text escaped; messages are set as text.
    window.addEventListener('message', event => {
        const message = event.data;
        if (!message) return;
        if (message.command === 'form' && typeof message.html === 'string') {
            const focused = document.activeElement && document.activeElement.getAttribute('data-indicator');
            const typed = values();
            document.getElementById('form').innerHTML = message.html;
            for (const field of fields()) {
                const name = field.getAttribute('data-indicator');
                if (changed.has(name) && name in typed) field.value = typed[name];
            }
            const again = focused && document.querySelector(`[data-indicator="${CSS.escape(focused)}"]`);
            if (again) again.focus();
        } else if (message.command === 'answer' && typeof message.html === 'string') {
            if (message.values && typeof message.values === 'object') {
                // The answer is to these values: fields that still show them are no longer pending.
                changed = new Set([...changed].filter(name => (message.values[name] || '') !== (values()[name] || '')));
            }
            document.getElementById('answer').innerHTML = message.html;
            const invalid = message.invalid || {};
            for (const field of fields()) {
                const name = field.getAttribute('data-indicator');
                const error = document.getElementById(`error-${name}`);
                if (error) error.textContent = invalid[name] || '';
                field.setAttribute('aria-invalid', invalid[name] ? 'true' : 'false');
            }
            const count = document.getElementById('count');
            if (count && typeof message.count === 'string') count.textContent = message.count;
        }
    });
    vscode.postMessage({ command: 'ready' });
}());
