// The protocols' scenarios in VS Code's Test Explorer: discovered per file, runnable, with the counterexample on failure.
import * as vscode from 'vscode';
import { type LanguageClient, State } from 'vscode-languageclient/node';
import { ProtocolsRequest, type ProtocolsResult, RunScenariosRequest, type RunScenariosResult } from '../language/requests/contract.js';

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

    const discoverWorkspace = async () => {
        const files = await vscode.workspace.findFiles('**/*.detente', '**/{node_modules,.git}/**');
        await Promise.all(files.map(uri => discover(fileItem(uri))));
    };
    // A file the server cannot read yet is listed once it can; nothing to report meanwhile.
    const tryDiscover = (uri: vscode.Uri) => discover(fileItem(uri)).catch(() => undefined);
    controller.resolveHandler = async item => (item ? discover(item) : discoverWorkspace());

    const run = async (request: vscode.TestRunRequest, token: vscode.CancellationToken) => {
        const testRun = controller.createTestRun(request);
        try {
            await runScenarios(request, token, testRun);
        } catch (error) {
            testRun.appendOutput(`The scenarios could not be run: ${error instanceof Error ? error.stack ?? error.message : String(error)}\r\n`);
        } finally {
            testRun.end();
        }
    };

    const runScenarios = async (request: vscode.TestRunRequest, token: vscode.CancellationToken, testRun: vscode.TestRun) => {
        const wanted = new Set<vscode.TestItem>();
        const collect = async (item: vscode.TestItem): Promise<void> => {
            // A file not expanded yet has no scenarios listed: find them first.
            if (!item.id.includes('#') && item.children.size === 0) await discover(item);
            if (item.children.size === 0) {
                if (item.id.split('#').length === 3) wanted.add(item);
                return;
            }
            for (const child of iterate(item.children)) await collect(child);
        };
        for (const item of request.include ?? [...iterate(controller.items)]) await collect(item);
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
                } else if (outcome.state === 'passed') {
                    testRun.passed(item);
                } else {
                    const message = new vscode.TestMessage(outcome.message ?? 'The scenario fails.');
                    message.location = new vscode.Location(vscode.Uri.parse(file), new vscode.Position(outcome.position.line, outcome.position.character));
                    // A scenario that could not run is errored (VS Code's state for a test not executed), not failed.
                    if (outcome.state === 'failed') testRun.failed(item, message);
                    else testRun.errored(item, message);
                }
            }
        }
    };
    controller.createRunProfile('Run scenarios', vscode.TestRunProfileKind.Run, run, true);

    const refresh = (document: vscode.TextDocument) => {
        if (document.languageId === 'detente') void tryDiscover(document.uri);
    };
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.detente');
    return [
        controller,
        watcher,
        // Listed as soon as the server runs, so that "Run All Tests" finds them before the Testing view is opened.
        client.onDidChangeState(({ newState }) => {
            if (newState === State.Running) void discoverWorkspace().catch(() => undefined);
        }),
        watcher.onDidCreate(uri => void tryDiscover(uri)),
        watcher.onDidDelete(uri => controller.items.delete(uri.toString())),
        vscode.workspace.onDidSaveTextDocument(refresh),
        vscode.workspace.onDidOpenTextDocument(refresh),
    ];
}

function* iterate(collection: vscode.TestItemCollection): Iterable<vscode.TestItem> {
    for (const [, item] of collection) yield item;
}
