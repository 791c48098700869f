// Instants of an incident log (docs/replay.md): ISO 8601 with a zone, read by the Temporal API (its
// polyfill), held as exact rational seconds since the epoch so that every deadline and lateness is exact.
import { Temporal } from 'temporal-polyfill';
import { type Rational, add, ceil, multiply, rational, subtract } from '../model/rational.js';

const NANOSECONDS = 1_000_000_000n;

/** Why a time cannot be read; the caller adds the file and line. */
export class TimeError extends Error {
    constructor(message: string) {
        super(message);
        this.name = 'TimeError';
    }
}

/** An instant as read from a log: exact seconds since 1970-01-01T00:00:00Z, and the zone it was written in. */
export interface LogTime {
    readonly seconds: Rational;
    /** `UTC`, an offset such as `+02:00`, or a named zone (`Europe/Paris`) from a bracketed annotation. */
    readonly zone: string;
}

/** The zone designator at the end of an ISO 8601 time, and an optional bracketed zone name after it. */
const DESIGNATOR = /(Z|[+-]\d{2}(?::?\d{2}(?::?\d{2}(?:[.,]\d{1,9})?)?)?)(?:\[!?([^\]=]+)\])?(?:\[[^\]]*\])*$/i;

/**
 * Reads `2026-03-01T10:00:00Z`, `2026-03-01T12:00:00+02:00` or `…+01:00[Europe/Paris]`: a date, a time of
 * day and a zone are all required (a time without a zone would be a guess). Leap seconds (`:60`), which
 * Temporal would quietly read as `:59`, are refused.
 */
export function parseTime(text: string): LogTime {
    const trimmed = text.trim();
    const example = 'e.g. 2026-03-01T10:00:00Z';
    if (!/^[0-9+-]/.test(trimmed) || !/[T ]/i.test(trimmed.slice(8))) {
        throw new TimeError(`'${text}' is not an ISO 8601 date and time with a zone (${example})`);
    }
    if (/[T ]\d{2}:?\d{2}:?60/i.test(trimmed)) {
        throw new TimeError(`'${text}': leap seconds cannot be placed on the timeline; write the second before or after`);
    }
    let instant: Temporal.Instant;
    try {
        instant = Temporal.Instant.from(trimmed);
    } catch (error) {
        // A date and time that Temporal reads without a zone: the offset is what is missing.
        let zoneless = false;
        try {
            Temporal.PlainDateTime.from(trimmed);
            zoneless = true;
        } catch {
            // Not even a date and time.
        }
        throw new TimeError(zoneless
            ? `'${text}' has no UTC offset: write it as UTC (…Z) or with its offset (…+02:00), ${example}`
            : `'${text}' is not a valid ISO 8601 time (${error instanceof Error ? error.message : String(error)})`);
    }
    const match = DESIGNATOR.exec(trimmed);
    const zone = match?.[3] ?? (match && match[1].toUpperCase() !== 'Z' ? normalOffset(match[1]) : 'UTC');
    return { seconds: rational(instant.epochNanoseconds, NANOSECONDS), zone };
}

/** `+0200` and `+02` as `+02:00`, the form Temporal takes as a zone. */
function normalOffset(offset: string): string {
    const digits = offset.slice(1).replace(/:/g, '');
    const hours = digits.slice(0, 2);
    const minutes = digits.slice(2, 4) || '00';
    const rest = digits.slice(4);
    return `${offset[0]}${hours}:${minutes}${rest ? `:${rest.slice(0, 2)}${rest.slice(2)}` : ''}`;
}

/** The nanoseconds of an exact time (rounded up should it fall between two nanoseconds). */
function nanoseconds(seconds: Rational): bigint {
    return ceil(multiply(seconds, rational(NANOSECONDS))).n;
}

/** A time for people and programs: ISO 8601 in the given zone, `Z` for UTC; seconds always shown. */
export function formatTime(seconds: Rational, zone = 'UTC'): string {
    const instant = Temporal.Instant.fromEpochNanoseconds(nanoseconds(seconds));
    if (zone === 'UTC') return instant.toString();
    const zoned = instant.toZonedDateTimeISO(zone);
    const text = zoned.toString({ timeZoneName: 'never' });
    // A named zone is shown by its offset at that instant, and its name once in the report's header.
    return text;
}

/** Whether a zone is one Temporal knows (an offset or a name of the time zone database). */
export function validZone(zone: string): boolean {
    try {
        Temporal.Instant.fromEpochNanoseconds(0n).toZonedDateTimeISO(zone);
        return true;
    } catch {
        return false;
    }
}

/** The start of each calendar day `day month` in the zone from `from` to `to` (inclusive), with the start of the next day. */
export function calendarDays(day: number, month: number, from: Rational, to: Rational, zone: string): Array<{ start: Rational; end: Rational }> {
    const first = Temporal.Instant.fromEpochNanoseconds(nanoseconds(from)).toZonedDateTimeISO(zone).year;
    const last = Temporal.Instant.fromEpochNanoseconds(nanoseconds(to)).toZonedDateTimeISO(zone).year;
    const days: Array<{ start: Rational; end: Rational }> = [];
    for (let year = first; year <= last; year++) {
        let date: Temporal.PlainDate;
        try {
            date = Temporal.PlainDate.from({ year, month, day }, { overflow: 'reject' });
        } catch {
            continue; // 29 February of a common year: no such day
        }
        const start = rational(date.toZonedDateTime({ timeZone: zone }).epochNanoseconds, NANOSECONDS);
        const end = rational(date.add({ days: 1 }).toZonedDateTime({ timeZone: zone }).epochNanoseconds, NANOSECONDS);
        days.push({ start, end });
    }
    return days;
}

export { add as addSeconds, subtract as subtractSeconds };
