// The quick fix of a failing scenario: the expectation its situations do meet. One level when every
// matching situation has it (`expect Alert`), else the bounds of the levels they have (`at least`,
// `at most`); nothing when the levels already fit and the steps are what fails.
import { CstUtils, GrammarUtils, type LangiumDocument } from 'langium';
import type { Range } from 'vscode-languageserver';
import * as ast from '../generated/ast.js';
import type { Analyses } from '../protocol-analyses.js';
import type { ProtocolModels } from '../protocol-models.js';
import { BudgetExceeded } from '../../analysis/budget.js';
import type { Level } from '../../model/protocol.js';

export interface ExpectationFix {
    readonly title: string;
    readonly range: Range;
    readonly text: string;
}

export function expectationFixes(models: ProtocolModels, analyses: Analyses, document: LangiumDocument, node: ast.Scenario): ExpectationFix[] {
    const protocolNode = node.$container;
    const cst = node.$cstNode;
    if (!ast.isProtocol(protocolNode) || !cst) return [];
    const model = models.forProtocol(protocolNode);
    const index = protocolNode.members.filter(ast.isScenario).indexOf(node);
    const scenario = model.scenarios[index];
    const analysis = analyses.of(model);
    const context = analysis.context;
    if (!scenario || scenario.name !== node.name || !context || analysis.incomplete) return [];
    let found: { levels: Level[]; outside: boolean } | undefined;
    try {
        found = analyses.ask(analysis, 'assist', () => {
            const given = context.scenarioRegion(index);
            const inside = given.intersect(context.inside);
            return {
                levels: model.levels.filter(level => inside.boxes.some(box => context.levels.pieceAt(box, level.rank) !== undefined)),
                outside: !given.subtract(context.inside).isEmpty,
            };
        });
    } catch (error) {
        if (!(error instanceof BudgetExceeded)) throw error;
    }
    // An `outside scope` expectation partly met has no level to offer instead; nor has a scenario matching nothing.
    if (!found || found.levels.length === 0 || (scenario.outside && found.outside)) return [];
    const { levels } = found;
    const expected = scenario.level === undefined ? undefined : model.levels.find(level => level.name === scenario.level);
    const fits = expected !== undefined && !scenario.outside && levels.every(level =>
        scenario.bound === 'at least' ? level.rank >= expected.rank : scenario.bound === 'at most' ? level.rank <= expected.rank : level.rank === expected.rank);
    const range = expectationRange(document, node);
    if (fits || !range) return [];
    const texts = levels.length === 1 ? [levels[0].name] : [`at least ${levels[0].name}`, `at most ${levels.at(-1)!.name}`];
    return texts.map(text => ({ title: `Update the expectation to ${text}`, range, text }));
}

/** From the word after `expect` to the level (or `outside scope`): what the fix rewrites, the steps left as they are. */
function expectationRange(document: LangiumDocument, node: ast.Scenario): Range | undefined {
    const leaves = [...CstUtils.flattenCst(node.$cstNode!)];
    const expect = leaves.findIndex(leaf => leaf.text === 'expect');
    const start = leaves[expect + 1];
    const end = node.outside ? leaves.find((leaf, i) => i > expect && leaf.text === 'scope') : GrammarUtils.findNodeForProperty(node.$cstNode, 'level');
    return expect >= 0 && start && end ? { start: start.range.start, end: end.range.end } : undefined;
}
