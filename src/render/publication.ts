// What a reader gets: a compiled protocol in one language and one edition. The public edition leaves out
// every confidential element (docs/language.md §2): confidential responses, steps, duties, channels and
// scenarios, and red lines whose disclosure is confidential. The full edition keeps them, and the
// renderers mark them.
import { analyse } from '../analysis/analyse.js';
import { stepsDue } from '../analysis/deadlines.js';
import { type DecisionTables, decisionTables } from '../tables/tables.js';
import type { Protocol, Response } from '../model/protocol.js';
import type { CompiledProtocol } from './compiled.js';
import { localize, sourceLanguage } from './i18n/localize.js';
import { OUTPUT_LANGUAGES, Phrasebook } from './i18n/phrasebook.js';

export type Edition = 'public' | 'full';
export const EDITIONS: readonly Edition[] = ['public', 'full'];

export interface PublishOptions {
    /** The language of labels and wording; the protocol's first language (English) when absent. */
    readonly language?: string;
    readonly edition?: Edition;
}

/**
 * A compiled protocol as published; undefined when the protocol itself is confidential and the edition
 * public. The public edition leaves out red lines whose disclosure is confidential, which changes levels:
 * its tables are then worked out again, by `tablesOf`, from the public text alone. It has no findings:
 * they are the drafters' business, and may name what is confidential.
 */
export function publish(compiled: CompiledProtocol, options: PublishOptions = {}, tablesOf: (protocol: Protocol) => DecisionTables = analysed): CompiledProtocol | undefined {
    const edition = options.edition ?? 'full';
    const language = options.language ?? defaultLanguage(compiled.protocol);
    if (edition === 'public' && compiled.protocol.confidential) return undefined;
    const published = edition === 'public' ? publicEdition(compiled.protocol) : compiled.protocol;
    const tables = published.rules.length === compiled.protocol.rules.length
        ? { ...compiled.tables, steps: new Map(published.levels.map(level => [level.name, stepsDue(published, level.name)])) }
        : tablesOf(published);
    const protocol = localize(published, language);
    return {
        ...compiled, protocol, tables: { ...tables, protocol }, findings: edition === 'public' ? [] : compiled.findings,
        language, edition, phrases: new Phrasebook(language),
    };
}

/** Tables worked out without a budget: for tests and tools that analyse small protocols. */
function analysed(protocol: Protocol): DecisionTables {
    return decisionTables(analyse(protocol));
}

/** A protocol with its tables and findings, in its own language and the full edition. */
export function compiledProtocol(fields: Pick<CompiledProtocol, 'protocol' | 'tables' | 'findings' | 'source'>): CompiledProtocol {
    const language = defaultLanguage(fields.protocol);
    return { ...fields, language, phrases: new Phrasebook(language), edition: 'full' };
}

/** The language a protocol's outputs are written in by default: its first language when the outputs have wording for it. */
export function defaultLanguage(protocol: Protocol): string {
    const language = sourceLanguage(protocol);
    return OUTPUT_LANGUAGES.includes(language) ? language : 'en';
}

/** The protocol without its confidential elements. */
export function publicEdition(protocol: Protocol): Protocol {
    const channels = protocol.channels.filter(channel => !channel.confidential)
        .map(channel => channel.fallback && protocol.channels.find(c => c.name === channel.fallback)?.confidential ? { ...channel, fallback: undefined } : channel);
    const published = new Set(channels.map(channel => channel.name));
    const withoutSecretChannel = <T extends { readonly channel?: string }>(item: T): T =>
        item.channel !== undefined && !published.has(item.channel) ? { ...item, channel: undefined } : item;
    const responses: Response[] = protocol.responses.filter(response => !response.confidential).map(response => {
        const steps = response.steps.filter(step => !step.confidential);
        const kept = new Set(steps.map(step => step.name));
        return { ...response, steps: steps.map(step => withoutSecretChannel({ ...step, after: step.after.filter(name => kept.has(name)) })) };
    });
    const publicResponses = new Set(responses.map(response => response.level));
    return {
        ...protocol,
        channels,
        rules: protocol.rules.filter(rule => rule.disclosure !== 'confidential'),
        responses: responses.map(response => ({ ...response, includes: response.includes.filter(level => publicResponses.has(level)) })),
        duties: protocol.duties.filter(duty => !duty.confidential).map(withoutSecretChannel),
        deescalations: protocol.deescalations.map(d => {
            const steps = new Set(responses.flatMap(r => r.steps.map(s => s.name)));
            return { ...d, after: d.after.filter(name => steps.has(name)) };
        }),
        scenarios: protocol.scenarios.filter(scenario => !scenario.confidential),
    };
}
