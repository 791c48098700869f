// The protocols' scenarios in VS Code's Test Explorer: discovered per file, runnable, with the counterexample on failure.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ProtocolsRequest, type ProtocolsResult, RunScenariosRequest, type RunScenariosResult } from '../language/lsp/requests.js';

export function registerScenarioTests(client: LanguageClient): vscode.Disposable[] {
    const controller = vscode.tests.createTestController('detente.scenarios', 'Détente scenarios');
    const fileItem = (uri: vscode.Uri) => {
        const id = uri.toString();
        let item = controller.items.get(id);
        if (!item) {
            item = controller.createTestItem(id, vscode.workspace.asRelativePath(uri), uri);
            item.canResolveChildren = true;
            controller.items.add(item);
        }
        return item;
    };

    const discover = async (item: vscode.TestItem) => {
        const { protocols } = await client.sendRequest<ProtocolsResult>(ProtocolsRequest, { uri: item.id });
        const children = protocols.filter(p => p.scenarios.length > 0).map(protocol => {
            const protocolItem = controller.createTestItem(`${item.id}#${protocol.name}`, protocol.name, item.uri);
            protocolItem.range = new vscode.Range(protocol.position.line, protocol.position.character, protocol.position.line, protocol.position.character);
            protocolItem.children.replace(protocol.scenarios.map(scenario => {
                const scenarioItem = controller.createTestItem(`${item.id}#${protocol.name}#${scenario.name}`, scenario.name, item.uri);
                scenarioItem.range = new vscode.Range(scenario.position.line, scenario.position.character, scenario.position.line, scenario.position.character);
                return scenarioItem;
            }));
            return protocolItem;
        });
        item.children.replace(children);
        if (children.length === 0) controller.items.delete(item.id);
    };

    controller.resolveHandler = async item => {
        if (item) return discover(item);
        const files = await vscode.workspace.findFiles('**/*.detente', '**/{node_modules,.git}/**');
        await Promise.all(files.map(uri => discover(fileItem(uri))));
    };

    const run = async (request: vscode.TestRunRequest, token: vscode.CancellationToken) => {
        const testRun = controller.createTestRun(request);
        const wanted = new Set<vscode.TestItem>();
        const collect = (item: vscode.TestItem) => item.children.size === 0 ? wanted.add(item) : item.children.forEach(collect);
        (request.include ?? [...iterate(controller.items)]).forEach(collect);
        request.exclude?.forEach(item => wanted.delete(item));
        const files = new Set([...wanted].map(item => item.id.split('#')[0]));
        for (const file of files) {
            if (token.isCancellationRequested) break;
            const { outcomes } = await client.sendRequest<RunScenariosResult>(RunScenariosRequest, { uri: file });
            for (const item of wanted) {
                if (!item.id.startsWith(`${file}#`)) continue;
                const outcome = outcomes.find(o => `${file}#${o.protocol}#${o.name}` === item.id);
                if (!outcome) {
                    testRun.skipped(item);
                } else if (outcome.passed) {
                    testRun.passed(item);
                } else {
                    const message = new vscode.TestMessage(outcome.message ?? 'The scenario fails.');
                    message.location = new vscode.Location(vscode.Uri.parse(file), new vscode.Position(outcome.position.line, outcome.position.character));
                    testRun.failed(item, message);
                }
            }
        }
        testRun.end();
    };
    controller.createRunProfile('Run scenarios', vscode.TestRunProfileKind.Run, run, true);

    const refresh = (document: vscode.TextDocument) => {
        if (document.languageId === 'detente') void discover(fileItem(document.uri));
    };
    return [
        controller,
        vscode.workspace.onDidSaveTextDocument(refresh),
        vscode.workspace.onDidOpenTextDocument(refresh),
    ];
}

function* iterate(collection: vscode.TestItemCollection): Iterable<vscode.TestItem> {
    for (const [, item] of collection) yield item;
}
