// missing-translation: with `languages en, fr, …`, every label, title and consequence written in the
// protocol needs a translation into each listed language but the first (the language of the untagged text).
import { AstUtils, type ValidationAcceptor } from 'langium';
import { type Label, type Protocol, isLabel, isLanguages } from '../generated/ast.js';
import { report } from './report.js';

export function checkTranslations(protocol: Protocol, accept: ValidationAcceptor): void {
    const languages = protocol.members.find(isLanguages)?.codes ?? [];
    if (languages.length < 2) return;
    const wanted = languages.slice(1);
    const labels: Label[] = [
        ...(protocol.title ? [protocol.title] : []),
        ...protocol.members.flatMap(member => AstUtils.streamAst(member).filter(isLabel).toArray()),
    ];
    for (const label of labels) {
        const missing = missingLanguages(label, wanted);
        if (missing.length === 0) continue;
        report(accept, 'missing-translation',
            `"${label.text}" has no ${missing.map(code => `@${code}`).join(', ')} translation; the protocol's languages are ${languages.join(', ')}.`,
            { node: label, property: 'text' });
    }
}

/** The listed languages a label has no translation into. */
export function missingLanguages(label: Label, wanted: readonly string[]): string[] {
    const present = new Set(label.translations.map(t => t.language));
    return wanted.filter(code => !present.has(code));
}
