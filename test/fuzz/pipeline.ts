// One fuzzed text through everything the editor and the command line do with a protocol: parse, link,
// validate with the analysis, then every editor feature at several places, the extension's requests
// and formatting. Any exception escapes to the caller: that is a crash found.
import * as path from 'node:path';
import { EmptyFileSystem, type LangiumDocument, URI } from 'langium';
import type { Position } from 'vscode-languageserver-types';
import { createDetenteServices } from '../../src/language/detente-module.js';
import { formatText } from '../../src/language/format/format-text.js';
import type { GuardedLexer } from '../../src/language/parser/guarded-parser.js';
import { RequestHandlers } from '../../src/language/requests/handlers.js';
import { FORMATS } from '../../src/render/outputs.js';
import { SAMPLES } from './inputs.js';

/** Where the fuzzed file sits: beside the maritime example, so that its import of the parties resolves. */
const ROOT = path.join(path.sep, 'fuzz', 'examples');
const FILE = URI.file(path.join(ROOT, 'maritime', 'fuzzed.detente'));
const PARTIES = URI.file(path.join(ROOT, 'common', 'parties.detente'));

export interface PipelineResult {
    readonly document: LangiumDocument;
    readonly formatted?: string;
}

/** `at` are fractions of the text's length: the places where the editor features are asked for. */
export async function runPipeline(text: string, at: readonly number[]): Promise<PipelineResult> {
    const { shared, detente } = createDetenteServices(EmptyFileSystem);
    shared.workspace.ImportResolver.setProjectRoot(ROOT);
    const factory = shared.workspace.LangiumDocumentFactory;
    const parties = factory.fromString(SAMPLES.get('examples/common/parties.detente')!, PARTIES);
    const document = factory.fromString(text, FILE);
    shared.workspace.LangiumDocuments.addDocument(parties);
    shared.workspace.LangiumDocuments.addDocument(document);
    await shared.workspace.DocumentBuilder.build([parties, document], { validation: true });
    if (!Array.isArray(document.diagnostics)) throw new Error('the document got no diagnostics');

    const lsp = detente.lsp;
    const textDocument = { uri: FILE.toString() };
    const whole = { start: { line: 0, character: 0 }, end: document.textDocument.positionAt(text.length) };
    const positions: Position[] = at.map(fraction => document.textDocument.positionAt(Math.floor(fraction * text.length)));
    for (const position of positions) {
        const params = { textDocument, position };
        await lsp.HoverProvider?.getHoverContent(document, params);
        await lsp.CompletionProvider?.getCompletion(document, params);
        await lsp.DefinitionProvider?.getDefinition(document, params);
        await lsp.ReferencesProvider?.findReferences(document, { ...params, context: { includeDeclaration: true } });
        await lsp.DocumentHighlightProvider?.getDocumentHighlight(document, params);
        await lsp.RenameProvider?.prepareRename(document, params);
        await lsp.RenameProvider?.rename(document, { ...params, newName: 'Renamed' });
    }
    await lsp.DocumentSymbolProvider?.getSymbols(document, { textDocument });
    await lsp.FoldingRangeProvider?.getFoldingRanges(document, { textDocument });
    await lsp.SemanticTokenProvider?.semanticHighlight(document, { textDocument });
    await lsp.InlayHintProvider?.getInlayHints(document, { textDocument, range: whole });
    await lsp.CodeLensProvider?.provideCodeLens(document, { textDocument });
    for (const diagnostic of document.diagnostics) {
        await lsp.CodeActionProvider?.getCodeActions(document, { textDocument, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
    }
    await lsp.Formatter?.formatDocument(document, { textDocument, options: { tabSize: 4, insertSpaces: true } });
    await shared.lsp.WorkspaceSymbolProvider?.getSymbols({ query: 'a' });

    const requests = new RequestHandlers(detente);
    const { protocols } = await requests.protocols({ uri: FILE.toString() });
    for (const protocol of protocols) {
        await requests.report({ uri: FILE.toString(), protocol: protocol.name });
        await requests.export({ uri: FILE.toString(), protocol: protocol.name, formats: [...FORMATS] });
        await requests.explain({ uri: FILE.toString(), protocol: protocol.name, given: [] });
        await requests.explain({ uri: FILE.toString(), protocol: protocol.name, given: ['nothing=1', '=', 'separation=1.5nm'] });
    }
    await requests.runScenarios({ uri: FILE.toString() });

    const formatted = formatText(text, detente.parser.Lexer as GuardedLexer);
    return { document, formatted };
}
