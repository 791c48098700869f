// Units convert exactly to base units; each dimension knows its own units.
import { describe, expect, test } from 'vitest';
import { parseDecimal, rational } from '../../src/model/rational.js';
import { fromBase, toBase, unitProblem, unitsOf } from '../../src/model/units.js';

const q = (text: string) => parseDecimal(text)!;

describe('units', () => {
    test('distances: m, km, nm (1852 m)', () => {
        expect(toBase(q('1.5'), 'nm')).toEqual(rational(2778));
        expect(toBase(q('0.5'), 'km')).toEqual(rational(500));
        expect(toBase(q('500'), 'm')).toEqual(rational(500));
    });

    test('durations: s, min, h, d', () => {
        expect(toBase(q('30'), 'min')).toEqual(rational(1800));
        expect(toBase(q('1.5'), 'h')).toEqual(rational(5400));
        expect(toBase(q('2'), 'd')).toEqual(rational(172800));
    });

    test('speeds: kn, kmh, mps, exactly in metres per second', () => {
        expect(toBase(q('10'), 'kn')).toEqual(rational(18520, 3600));
        expect(toBase(q('36'), 'kmh')).toEqual(rational(10));
        expect(fromBase(rational(10), 'kmh')).toEqual(rational(36));
        expect(fromBase(toBase(q('25'), 'kn'), 'kn')).toEqual(rational(25));
    });

    test('counts take no unit; percent takes % or none', () => {
        expect(unitsOf('count')).toEqual([]);
        expect(unitProblem('count', unitsOf('count'), undefined)).toBeUndefined();
        expect(unitProblem('percent', unitsOf('percent'), undefined)).toBeUndefined();
        expect(unitProblem('percent', unitsOf('percent'), '%')).toBeUndefined();
        expect(unitProblem('distance', unitsOf('distance'), undefined)).toBe('a distance needs a unit (m, km, nm, ft or mi)');
        expect(unitProblem('speed', unitsOf('speed'), 'h')).toBe("'h' is a unit of duration, but a speed takes kn, kmh, mph or mps");
    });
});
