// Exact rationals: parsing, arithmetic, rounding and display.
import { describe, expect, test } from 'vitest';
import {
    add, ceil, compare, divide, floor, multiply, parseDecimal, rational, subtract, toDecimalString, toExactString, toNumber
} from '../../src/model/rational.js';

describe('rational', () => {
    test('decimal literals parse exactly', () => {
        expect(parseDecimal('1.5')).toEqual(rational(3, 2));
        expect(parseDecimal('0.1')).toEqual(rational(1, 10));
        expect(parseDecimal('120')).toEqual(rational(120));
        expect(parseDecimal('1e3')).toBeUndefined();
        expect(parseDecimal('-1')).toBeUndefined();
    });

    test('arithmetic is exact where floating point is not', () => {
        expect(toNumber(multiply(parseDecimal('1.1')!, rational(1000)))).toBe(1100);
        expect(add(rational(1, 10), rational(2, 10))).toEqual(rational(3, 10));
        expect(subtract(rational(1), rational(1, 3))).toEqual(rational(2, 3));
        expect(divide(rational(1852), rational(3600))).toEqual(rational(463, 900));
    });

    test('comparison, floor and ceil', () => {
        expect(compare(rational(1, 3), rational(2, 6))).toBe(0);
        expect(compare(rational(1, 3), rational(1, 2))).toBeLessThan(0);
        expect(floor(rational(7, 2))).toEqual(rational(3));
        expect(ceil(rational(7, 2))).toEqual(rational(4));
        expect(floor(rational(-7, 2))).toEqual(rational(-4));
        expect(ceil(rational(-7, 2))).toEqual(rational(-3));
        expect(ceil(rational(4))).toEqual(rational(4));
    });

    test('display: exact decimals when they exist, fractions or rounding otherwise', () => {
        expect(toExactString(rational(2778))).toBe('2778');
        expect(toExactString(rational(1, 8))).toBe('0.125');
        expect(toExactString(rational(463, 90))).toBe('463/90');
        expect(toDecimalString(rational(463, 90))).toBe('5.144');
        expect(toDecimalString(rational(2, 3), 2)).toBe('0.67');
        expect(toDecimalString(rational(5))).toBe('5');
    });
});
