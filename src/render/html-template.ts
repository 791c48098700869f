// A tagged template for HTML in which every interpolated value is escaped unless it is itself HTML.
// Protocol text (labels, citations, names) can never become markup.

export class Html {
    constructor(readonly text: string) { }

    toString(): string {
        return this.text;
    }
}

export function escapeHtml(text: string): string {
    return text.replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

type Interpolated = Html | string | number | boolean | null | undefined | readonly Interpolated[];

function render(value: Interpolated): string {
    if (value instanceof Html) return value.text;
    if (Array.isArray(value)) return value.map(render).join('');
    if (value === null || value === undefined || value === false) return '';
    return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Interpolated[]): Html {
    let text = strings[0];
    values.forEach((value, i) => {
        text += render(value) + strings[i + 1];
    });
    return new Html(text);
}
