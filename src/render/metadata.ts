// The header every output carries: which protocol, which version of what date and status, what it
// supersedes, where it was generated from, and which edition this is.
import type { CompiledProtocol } from './compiled.js';

/** The header's parts, in the publication's language: `Protocol P`, `Version 1.1`, `3 October 2005`, `In force`, … */
export function headerParts({ protocol, phrases: p, source }: CompiledProtocol): string[] {
    return [
        p.t('meta.protocol', { name: protocol.name }),
        protocol.version && p.t('meta.version', { version: protocol.version }),
        protocol.date && p.date(protocol.date),
        protocol.status && p.t(`status.${protocol.status}`),
        protocol.supersedes && p.t('meta.supersedes', { name: protocol.supersedes }),
        protocol.languages.length > 1 && p.t('meta.languages', { languages: p.list(protocol.languages.map(code => p.languageName(code))) }),
        p.t('meta.source', { source }),
    ].filter((part): part is string => Boolean(part));
}

/** The header as one line, followed by what the edition leaves out or marks when the protocol has confidential elements. */
export function headerLine(compiled: CompiledProtocol): string {
    const edition = hasConfidential(compiled) ? ` ${compiled.phrases.t(compiled.edition === 'public' ? 'edition.public' : 'edition.full')}` : '';
    return `${headerParts(compiled).join(' · ')}.${edition}`;
}

/** Whether the protocol, as written, keeps anything from the public: then each edition says what it is. */
export function hasConfidential({ protocol, edition }: CompiledProtocol): boolean {
    if (edition === 'public') return true;
    return protocol.channels.some(c => c.confidential) || protocol.responses.some(r => r.confidential || r.steps.some(s => s.confidential))
        || protocol.duties.some(d => d.confidential) || protocol.scenarios.some(s => s.confidential)
        || protocol.rules.some(r => r.disclosure === 'confidential');
}
