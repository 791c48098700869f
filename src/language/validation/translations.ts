// missing-translation: with `languages en, fr, …`, every label, title and consequence the protocol shows
// needs a translation into each listed language but the first (the language of the untagged text): those
// written in the protocol, and those of the declarations it uses from outside it (its file's top level,
// imported files), which its outputs print as well.
import { AstUtils, type AstNode, type ValidationAcceptor } from 'langium';
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
    // Declarations from outside the protocol: reported once each, where the protocol first names them.
    const reported = new Set<AstNode>();
    for (const reference of AstUtils.streamAst(protocol).flatMap(node => AstUtils.streamReferences(node))) {
        const target = 'ref' in reference.reference ? reference.reference.ref : undefined;
        if (!target || reported.has(target) || AstUtils.hasContainerOfType(target, node => node === protocol)) continue;
        reported.add(target);
        const label = (target as { label?: Label }).label;
        if (!isLabel(label)) continue;
        const missing = missingLanguages(label, wanted);
        if (missing.length === 0) continue;
        const name = (target as { name?: string }).name ?? reference.reference.$refText;
        report(accept, 'missing-translation',
            `'${name}', declared outside the protocol, is labelled "${label.text}" with no ${missing.map(code => `@${code}`).join(', ')} translation; ` +
            `the protocol's languages are ${languages.join(', ')}.`,
            { node: reference.container, property: reference.property, index: reference.index });
    }
}

/** The listed languages a label has no translation into. */
export function missingLanguages(label: Label, wanted: readonly string[]): string[] {
    const present = new Set(label.translations.map(t => t.language));
    return wanted.filter(code => !present.has(code));
}
