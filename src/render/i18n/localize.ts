// A protocol with every label, title, consequence and action phrase in one language: its translation
// (`"…" @fr "…"`) where the drafters wrote one, else the untagged text.
import type { Labelled, Obligation, Protocol, Rule, Translations } from '../../model/protocol.js';

/** The language of a protocol's untagged text: the first of its `languages`, English when it declares none. */
export function sourceLanguage(protocol: Protocol): string {
    return protocol.languages[0] ?? 'en';
}

export function localize(protocol: Protocol, language: string): Protocol {
    if (language === sourceLanguage(protocol)) return protocol;
    const text = (untagged: string, translations: Translations | undefined) => translations?.[language] ?? untagged;
    const labelled = <T extends Labelled>(item: T): T => ({ ...item, label: text(item.label, item.translations) });
    const obligation = <T extends Obligation>(item: T): T =>
        item.phrase === undefined ? item : { ...item, phrase: text(item.phrase, item.phraseTranslations) };
    const rule = (item: Rule): Rule =>
        item.consequence === undefined ? item : { ...item, consequence: text(item.consequence, item.consequenceTranslations) };
    return {
        ...protocol,
        title: text(protocol.title, protocol.titleTranslations),
        parties: protocol.parties.map(party => ({ ...labelled(party), organs: party.organs.map(labelled) })),
        roles: protocol.roles.map(labelled),
        mediators: protocol.mediators.map(labelled),
        bodies: protocol.bodies.map(labelled),
        channels: protocol.channels.map(labelled),
        actions: protocol.actions.map(labelled),
        events: protocol.events.map(labelled),
        indicators: protocol.indicators.map(indicator => ({ ...labelled(indicator), ...(indicator.measure ? { measure: labelled(indicator.measure) } : {}) })),
        levels: protocol.levels.map(labelled),
        rules: protocol.rules.map(rule),
        responses: protocol.responses.map(response => ({ ...response, steps: response.steps.map(obligation) })),
        duties: protocol.duties.map(obligation),
    };
}
