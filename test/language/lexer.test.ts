// The lexer looks a token up by the character it starts with, names in any script included, and reads
// every text as Chevrotain's lexer without that lookup (its safe mode) reads it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EmptyFileSystem } from 'langium';
import { Lexer, type IToken, type TokenType } from 'chevrotain';
import { describe, expect, test } from 'vitest';
import { createDetenteServices } from '../../src/language/detente-module.js';
import { startCharacters } from '../../src/language/parser/start-characters.js';

const { detente } = createDetenteServices(EmptyFileSystem);
const REPO = path.resolve(__dirname, '../..');

function examples(): string[] {
    const found: string[] = [];
    const walk = (folder: string) => {
        for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
            const file = path.join(folder, entry.name);
            if (entry.isDirectory()) walk(file);
            else if (entry.name.endsWith('.detente')) found.push(fs.readFileSync(file, 'utf8'));
        }
    };
    walk(path.join(REPO, 'examples'));
    walk(path.join(REPO, 'test', 'fixtures'));
    return found;
}

/** Names, codes and keywords in several scripts, letters beyond the Basic Multilingual Plane, and characters no token starts with. */
const SCRIPTS = `protocol Détente "Ünïcödé" {
    indicator 距離 "Distance" : distance in nm worse when lower
    indicator скорость "Speed" : speed in kn worse when higher
    indicator 𝒜lert "Math script" : flag
    indicator _incursion "keyword prefix" : flag
    ladder { Routine "R" Ωmega "O" }
    threshold ενα "One": 距離 < 2 nm and скорость >= 20 kn and 𝒜lert -> Ωmega
    accept masked-threshold "code" § ¤ ‿ 
}`;

function safeTokens(text: string): Array<Pick<IToken, 'image' | 'startOffset'> & { type: string }> {
    const types = detente.parser.TokenBuilder.buildTokens(detente.Grammar, { caseInsensitive: false }) as TokenType[];
    const safe = new Lexer(types, { positionTracking: 'full', safeMode: true, skipValidations: true });
    const result = safe.tokenize(text);
    return [...result.tokens, ...Object.values(result.groups).flat()].sort((a, b) => a.startOffset - b.startOffset)
        .map(t => ({ image: t.image, startOffset: t.startOffset, type: t.tokenType.name }));
}

function ourTokens(text: string): Array<Pick<IToken, 'image' | 'startOffset'> & { type: string }> {
    const result = detente.parser.Lexer.tokenize(text);
    return [...result.tokens, ...result.hidden].sort((a, b) => a.startOffset - b.startOffset)
        .map(t => ({ image: t.image, startOffset: t.startOffset, type: t.tokenType.name }));
}

describe('the lexer', () => {
    test('looks tokens up by their first character', () => {
        // Chevrotain's own record of it (internal): without the lookup, every keyword is tried at every character.
        const chevrotain = (detente.parser.Lexer as unknown as { chevrotainLexer: { canModeBeOptimized: Record<string, boolean> } }).chevrotainLexer;
        expect(Object.values(chevrotain.canModeBeOptimized)).toEqual([true]);
    });

    test('reads every example, and names in any script, as the lexer without the lookup does', () => {
        for (const text of [...examples(), SCRIPTS]) {
            expect(ourTokens(text)).toEqual(safeTokens(text));
        }
        expect(ourTokens(SCRIPTS).filter(t => t.type === 'ID').map(t => t.image)).toEqual(expect.arrayContaining(['Détente', '距離', 'скорость', '𝒜lert', '_incursion', 'Ωmega', 'ενα']));
    });

    test('reports a character no token starts with, as the lexer without the lookup does', () => {
        const errors = detente.parser.Lexer.tokenize('protocol P "p" { § }').errors;
        expect(errors.map(e => e.offset)).toEqual([17]);
    });
});

describe('the characters a pattern starts with', () => {
    test('a Unicode class: its letters, and every high surrogate for the letters beyond the Basic Multilingual Plane', () => {
        const codes = new Set(startCharacters(/[_\p{L}][\p{L}\p{N}_]*/u));
        for (const c of ['a', 'Z', '_', 'é', 'Ж', 'Ω', '距']) expect(codes.has(c.charCodeAt(0)), c).toBe(true);
        for (const c of ['1', ' ', '-', '"', '§', '€']) expect(codes.has(c.charCodeAt(0)), c).toBe(false);
        expect(codes.has('𝒜'.charCodeAt(0))).toBe(true);
        expect(codes.has(0xdc00)).toBe(false); // a low surrogate never starts a character
    });

    test('nothing, where the first character is not one class that must match', () => {
        expect(startCharacters(/[a-z]?x/u)).toBeUndefined();
        expect(startCharacters(/[a-z]*x/u)).toBeUndefined();
        expect(startCharacters(/[a-z]|x/u)).toBeUndefined();
        expect(startCharacters(/\p{L}+/u)).toBeUndefined();
        expect(startCharacters(/[^a]b/u)).toBeUndefined();
    });
});
