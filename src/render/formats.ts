// The output formats and what each gives, without the renderers: the editor lists them on its own.
export const FORMATS = ['md', 'html', 'csv', 'json', 'dmn', 'annex'] as const;
export type Format = typeof FORMATS[number];

export const FORMAT_DESCRIPTIONS: Readonly<Record<Format, string>> = {
    md: 'Markdown tables',
    html: 'Print-ready HTML report with the ladder diagram',
    csv: 'CSV, one file per table',
    json: 'JSON tables and structure',
    dmn: 'DMN 1.5 decision tables',
    annex: 'Treaty-style annex text (Markdown)',
};

export function isFormat(value: string): value is Format {
    return (FORMATS as readonly string[]).includes(value);
}
