// The fixed wording of the outputs in one language: ICU messages (intl-messageformat), lists, numbers,
// dates and durations as that language writes them. Labels come from the protocol (see localize.ts).
import { IntlMessageFormat } from 'intl-messageformat';
import { type Rational, equals, floor, rational, subtract, toExactString } from '../../model/rational.js';
import { en, type MessageId, type Messages } from './en.js';
import { fr } from './fr.js';
import { ru } from './ru.js';

const CATALOGUES: Readonly<Record<string, Messages>> = { en, fr, ru };

/** The languages whose fixed wording the outputs have. */
export const OUTPUT_LANGUAGES: readonly string[] = Object.keys(CATALOGUES);

export type Values = Record<string, string | number | boolean>;

export class Phrasebook {
    protected readonly messages: Messages;
    protected readonly compiled = new Map<MessageId, IntlMessageFormat>();
    protected readonly decimal: string;

    /** The locale dates and numbers follow: treaty English writes `3 October 2005`, as British usage does. */
    protected readonly locale: string;

    constructor(readonly language: string) {
        const messages = CATALOGUES[language];
        if (!messages) throw new Error(`no wording for the language '${language}'`);
        this.messages = messages;
        this.locale = language === 'en' ? 'en-GB' : language;
        this.decimal = new Intl.NumberFormat(this.locale).formatToParts(1.5).find(part => part.type === 'decimal')?.value ?? '.';
    }

    /** A message with its arguments filled in. */
    t(id: MessageId, values?: Values): string {
        let format = this.compiled.get(id);
        if (!format) {
            // Protocol text is never parsed as a message: only catalogue entries are, and arguments are plain values.
            format = new IntlMessageFormat(this.messages[id], this.language, undefined, { ignoreTag: true });
            this.compiled.set(id, format);
        }
        return this.contract(String(format.format(values)));
    }

    /**
     * French contracts a preposition with the article of the label that follows it: `de le` is `du`,
     * `à les` is `aux`. Labels carry their article (`@fr "le Royaume de Corie"`); the wording cannot know it.
     */
    protected contract(text: string): string {
        if (this.language !== 'fr') return text;
        return text.replace(/\b(de|à) (le|les) /g, (_match, preposition: string, article: string) =>
            preposition === 'de' ? (article === 'le' ? 'du ' : 'des ') : (article === 'le' ? 'au ' : 'aux '));
    }

    /** A text quoted as the language quotes: “…”, « … », «…». */
    quote(text: string): string {
        return this.t('quote', { text });
    }

    /** A language by its code, in this language: `French`, `français`, `французский`. */
    languageName(code: string): string {
        return new Intl.DisplayNames([this.locale], { type: 'language' }).of(code) ?? code;
    }

    /** `A, B and C` (or `or`), as the language writes a list. */
    list(items: readonly string[], type: 'and' | 'or' = 'and'): string {
        return new Intl.ListFormat(this.language, { type: type === 'and' ? 'conjunction' : 'disjunction' }).format(items);
    }

    /** An exact decimal as the language writes numbers: `30,000.5`, `30 000,5`; a fraction stays `n/d`. */
    number(value: Rational): string {
        const exact = toExactString(value);
        const match = /^(-?)([0-9]+)(?:\.([0-9]+))?$/.exec(exact);
        if (!match) return exact;
        const whole = new Intl.NumberFormat(this.locale, { useGrouping: true }).format(BigInt(match[2]));
        return `${match[1]}${whole}${match[3] ? `${this.decimal}${match[3]}` : ''}`;
    }

    /** A calendar date (`2005-10-03`) in words: `3 October 2005`, `3 octobre 2005`, `3 октября 2005 г.`. */
    date(iso: string): string {
        const [year, month, day] = iso.split('-').map(Number);
        return new Intl.DateTimeFormat(this.locale, { dateStyle: 'long', timeZone: 'UTC' }).format(Date.UTC(year, month - 1, day));
    }

    /** A day of the year without the year: `1 January`. */
    dayOfYear(day: number, month: number): string {
        const text = new Intl.DateTimeFormat(this.locale, { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(Date.UTC(2001, month - 1, day));
        // French writes the first day of a month as an ordinal: 1er janvier.
        return this.language === 'fr' && day === 1 ? text.replace(/^1 /, '1er ') : text;
    }

    /** A duration in words: `4 days and 15 minutes`, `1 hour`, `30 seconds`. */
    duration(seconds: Rational): string {
        const parts: string[] = [];
        let rest = seconds;
        for (const [unit, size] of [['d', 86400], ['h', 3600], ['min', 60]] as const) {
            const count = floor({ n: rest.n, d: rest.d * BigInt(size) });
            if (count.n > 0n) {
                parts.push(this.t(`duration.${unit}`, { n: Number(count.n) }));
                rest = subtract(rest, rational(count.n * BigInt(size)));
            }
        }
        if (rest.n !== 0n || parts.length === 0) {
            parts.push(rest.d === 1n ? this.t('duration.s', { n: Number(rest.n) }) : `${this.number(rest)} ${this.t('unit.s', { n: 2 })}`);
        }
        return this.list(parts);
    }

    /** A quantity as written, in words: `1 year`, `3 days`, `30,000 feet`. */
    quantity(quantity: { readonly amount: Rational; readonly unit: string | undefined }): string {
        const number = this.number(quantity.amount);
        return quantity.unit === undefined ? number : `${number} ${this.unit(quantity.unit, quantity.amount)}`;
    }

    /** A unit in words for an amount (`nautical miles`), or its symbol when the language has no words for it (a declared unit). */
    unit(symbol: string, amount: Rational): string {
        const id = `unit.${symbol}` as MessageId;
        if (!(id in this.messages)) return symbol;
        // Plural rules need a number; an exact 1 is singular, anything else takes the rule of its value.
        return this.t(id, { n: equals(amount, rational(1)) ? 1 : Number(toExactString(amount)) });
    }
}
