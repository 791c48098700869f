// The formatter: indentation, spacing and alignment as drafters write protocols; idempotent; loses nothing.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EmptyFileSystem } from 'langium';
import { expectFormatting } from 'langium/test';
import { describe, expect, test } from 'vitest';
import { createDetenteServices } from '../../../src/language/detente-module.js';
import { formatText } from '../../../src/language/format/format-text.js';
import type { GuardedLexer } from '../../../src/language/parser/guarded-parser.js';

const services = createDetenteServices(EmptyFileSystem).detente;
const format = (text: string) => formatText(text, services.parser.Lexer as GuardedLexer);
const REPO = path.resolve(__dirname, '../../..');

function files(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry =>
        entry.isDirectory() ? files(path.join(dir, entry.name)) : entry.name.endsWith('.detente') ? [path.join(dir, entry.name)] : []);
}

/** Every token and comment, in order, without the whitespace between them. */
function tokens(text: string): string[] {
    const result = services.parser.Lexer.tokenize(text);
    return [...result.tokens, ...result.hidden].sort((a, b) => a.startOffset - b.startOffset).map(t => t.image);
}

describe('formatting', () => {
    test('blocks are indented, spaces normalized, one token per place', async () => {
        await expectFormatting(services)({
            before: `protocol P{
indicator gap "Gap":distance worse when lower
  ladder{
 Calm "Calm"
    Tense "Tense"
}
threshold Near:gap<2nm->Tense
    response Tense within 1 h{step a:Aland.MoD notifies Borea.MoD within 10min}
scenario "s"{given gap=1 nm
expect Tense}
}`,
            after: `protocol P {
    indicator gap "Gap" : distance worse when lower
    ladder {
        Calm  "Calm"
        Tense "Tense"
    }
    threshold Near: gap < 2 nm -> Tense
    response Tense within 1 h { step a: Aland.MoD notifies Borea.MoD within 10 min }
    scenario "s" { given gap = 1 nm
        expect Tense }
}
`,
        });
    });

    test('labels after names, the arrows of rules and the actions of steps are aligned in runs', async () => {
        await expectFormatting(services)({
            before: `party Aland "Aland" {
    organ MoD "Ministry of Defence" authorizes force
    organ Fleet "Fleet Command"
}
protocol P {
    indicator separation "Closest approach" : distance
    indicator lock "Radar lock" : flag
    threshold Near "Art. 1": separation < 2 nm -> Tense
    redline Lock "Art. 7": lock and separation < 1 km -> Crisis { consequence "x" disclosure public }
    response Crisis {
        step call: Aland.MoD notifies Borea.MoD within 5 min
        step intercept: Aland.Fleet intercepts within 1 h after call
    }
}`,
            after: `party Aland "Aland" {
    organ MoD   "Ministry of Defence" authorizes force
    organ Fleet "Fleet Command"
}
protocol P {
    indicator separation "Closest approach" : distance
    indicator lock       "Radar lock" : flag
    threshold Near "Art. 1": separation < 2 nm        -> Tense
    redline Lock "Art. 7": lock and separation < 1 km -> Crisis { consequence "x" disclosure public }
    response Crisis {
        step call:      Aland.MoD notifies Borea.MoD within 5 min
        step intercept: Aland.Fleet intercepts within 1 h after call
    }
}
`,
        });
    });

    test('comments stay where they are; trailing comments of neighbouring lines align; blank lines collapse to one', async () => {
        await expectFormatting(services)({
            before: `// header

/* a block
   comment */


protocol P {   // the protocol
    ladder { A B }      // two levels
    threshold T: x in {North,  South} or (y and not z) -> B
        // a comment on its own line
}`,
            after: `// header

/* a block
   comment */

protocol P {        // the protocol
    ladder { A B }  // two levels
    threshold T: x in {North, South} or (y and not z) -> B
    // a comment on its own line
}
`,
        });
    });

    test('a continued line is indented one level more', async () => {
        await expectFormatting(services)({
            before: `protocol P {
response Crisis {
step intercept: Aland.Fleet intercepts within 1 h
authorized by Aland.MoD cites "UN Charter, Art. 51"
}
}`,
            after: `protocol P {
    response Crisis {
        step intercept: Aland.Fleet intercepts within 1 h
            authorized by Aland.MoD cites "UN Charter, Art. 51"
    }
}
`,
        });
    });

    test('text that does not lex is left alone', () => {
        expect(format("protocol P { ` }")).toBeUndefined();
    });

    test.each(files(path.join(REPO, 'examples')).concat(path.join(REPO, 'test/fixtures/language-example.detente')).map(f => [path.relative(REPO, f), f]))(
        '%s: formatting twice equals formatting once, and every token and comment survives', (_name, file) => {
            const text = fs.readFileSync(file, 'utf8');
            const once = format(text)!;
            expect(format(once)).toBe(once);
            expect(tokens(once)).toEqual(tokens(text));
        });

    test('the examples are formatted', () => {
        for (const file of files(path.join(REPO, 'examples'))) {
            const text = fs.readFileSync(file, 'utf8');
            expect(format(text), path.relative(REPO, file)).toBe(text);
        }
    });
});
