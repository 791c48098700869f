// Exact rational numbers: unit conversions (1 kn = 1852/3600 m/s) and region bounds stay exact.

export interface Rational {
    /** Numerator; carries the sign. */
    readonly n: bigint;
    /** Denominator; always positive, and coprime with the numerator. */
    readonly d: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
    if (a < 0n) a = -a;
    if (b < 0n) b = -b;
    while (b !== 0n) {
        [a, b] = [b, a % b];
    }
    return a;
}

export function rational(n: bigint | number, d: bigint | number = 1n): Rational {
    let num = BigInt(n);
    let den = BigInt(d);
    if (den === 0n) {
        throw new RangeError('rational with a zero denominator');
    }
    if (den < 0n) {
        num = -num;
        den = -den;
    }
    const g = gcd(num, den);
    return g > 1n ? { n: num / g, d: den / g } : { n: num, d: den };
}

export const ZERO = rational(0);
export const ONE = rational(1);

/** Parses a decimal literal such as `12`, `1.5` or `0.25` exactly. */
export function parseDecimal(text: string): Rational | undefined {
    const match = /^([0-9]+)(?:\.([0-9]+))?$/.exec(text.trim());
    if (!match) {
        return undefined;
    }
    const fraction = match[2] ?? '';
    return rational(BigInt(match[1] + fraction), 10n ** BigInt(fraction.length));
}

export function add(a: Rational, b: Rational): Rational {
    return rational(a.n * b.d + b.n * a.d, a.d * b.d);
}

export function subtract(a: Rational, b: Rational): Rational {
    return rational(a.n * b.d - b.n * a.d, a.d * b.d);
}

export function multiply(a: Rational, b: Rational): Rational {
    return rational(a.n * b.n, a.d * b.d);
}

export function divide(a: Rational, b: Rational): Rational {
    return rational(a.n * b.d, a.d * b.n);
}

/** Negative, zero or positive as `a` is less than, equal to or greater than `b`. */
export function compare(a: Rational, b: Rational): number {
    const left = a.n * b.d;
    const right = b.n * a.d;
    return left < right ? -1 : left > right ? 1 : 0;
}

export function equals(a: Rational, b: Rational): boolean {
    return a.n === b.n && a.d === b.d;
}

export function isInteger(a: Rational): boolean {
    return a.d === 1n;
}

/** The greatest integer not above `a`. */
export function floor(a: Rational): Rational {
    const q = a.n / a.d;
    return rational(a.n < 0n && q * a.d !== a.n ? q - 1n : q);
}

/** The least integer not below `a`. */
export function ceil(a: Rational): Rational {
    const q = a.n / a.d;
    return rational(a.n > 0n && q * a.d !== a.n ? q + 1n : q);
}

export function toNumber(a: Rational): number {
    return Number(a.n) / Number(a.d);
}

/** Whether the value has a finite decimal expansion (its denominator divides a power of ten). */
export function isDecimal(a: Rational): boolean {
    let d = a.d;
    while (d % 2n === 0n) d /= 2n;
    while (d % 5n === 0n) d /= 5n;
    return d === 1n;
}

/**
 * A readable decimal: exact when the expansion is finite, otherwise rounded to `digits` places
 * (callers that need exactness use `toExactString`).
 */
export function toDecimalString(a: Rational, digits = 3): string {
    if (isDecimal(a)) {
        return exactDecimal(a);
    }
    const scale = 10n ** BigInt(digits);
    const scaled = a.n * scale;
    // Round half away from zero.
    let q = scaled / a.d;
    const r = scaled % a.d;
    if ((r < 0n ? -r : r) * 2n >= a.d) {
        q += a.n < 0n ? -1n : 1n;
    }
    return trimDecimal(formatScaled(q, digits));
}

/** `1.5`, `0.25`, or `1/3` when no finite decimal exists. */
export function toExactString(a: Rational): string {
    return isDecimal(a) ? exactDecimal(a) : `${a.n}/${a.d}`;
}

function exactDecimal(a: Rational): string {
    let digits = 0;
    let scale = 1n;
    while ((a.n * scale) % a.d !== 0n) {
        scale *= 10n;
        digits++;
    }
    return formatScaled((a.n * scale) / a.d, digits);
}

function formatScaled(value: bigint, digits: number): string {
    const negative = value < 0n;
    const text = (negative ? -value : value).toString().padStart(digits + 1, '0');
    const whole = text.slice(0, text.length - digits);
    const fraction = text.slice(text.length - digits);
    return (negative ? '-' : '') + (digits > 0 ? `${whole}.${fraction}` : whole);
}

function trimDecimal(text: string): string {
    return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}
