// The editor shows each step's absolute deadline: in the hover, with its critical path, and as an inlay hint.
import { EmptyFileSystem } from 'langium';
import { expectHover, parseDocument } from 'langium/test';
import { describe, expect, test } from 'vitest';
import { createDetenteServices } from '../../../src/language/detente-module.js';
import { protocol } from '../../helpers.js';

const services = createDetenteServices(EmptyFileSystem).detente;

const responses = `
    response Crisis within 2 h {
        step call: Aland.MoD notifies Borea.MoD via Hotline within 5 min
        step check: UN verifies within 1 h after call
        step <|>intercept: Aland.Fleet intercepts within 1 h after check authorized by Aland.MoD cites "Art. 51"
    }
`;

describe('deadlines in the editor', () => {
    test('hovering a step shows its absolute deadline and critical path', async () => {
        await expectHover(services)({
            text: protocol(responses),
            index: 0,
            hover: "**step** `intercept` — force step of the response to *Crisis*\n\n" +
                "Due **2 h 5 min** after entering Crisis — **later than the response's 2 h**.\n\n" +
                'Critical path: `call` 5 min → `check` 1 h → `intercept` 1 h',
        });
    });

    test('a step within its response says how much the response allows', async () => {
        await expectHover(services)({
            text: protocol(responses.replace('step <|>intercept', 'step intercept').replace('step check', 'step <|>check')),
            index: 0,
            hover: /Due \*\*1 h 5 min\*\* after entering Crisis \(the response allows 2 h\)\./,
        });
    });

    test('steps that wait on others carry an inlay hint with their absolute deadline', async () => {
        const document = await parseDocument(services, protocol(responses.replace('<|>', '')));
        const hints = await services.lsp.InlayHintProvider!.getInlayHints(document, {
            textDocument: { uri: document.uri.toString() },
            range: { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } },
        });
        expect(hints?.map(hint => hint.label)).toEqual(['⇒ by 1 h 5 min', '⇒ by 2 h 5 min']);
    });
});
