// Walking a document's syntax tree without per-node overhead. Langium's own walks (streams, and a
// pause check after every node) cost more than the work they do on protocols of thousands of rules;
// these give the same nodes and references in the same order, and the phases that use them pause
// once per batch of nodes instead.
import { type AstNode, type Cancellation, type ReferenceInfo, interruptAndCheck, isAstNode, isReference } from 'langium';

/** How many nodes a phase handles between two looks at the event loop and the cancellation token. */
const NODES_PER_PAUSE = 256;
/** Langium's own properties (`$type`, `$container`, `$cstNode`…) start with a dollar sign. */
const DOLLAR = 0x24;

/** The nodes of each parsed tree, listed once: linking, the checks and the analysis' category each walk them. */
const listed = new WeakMap<AstNode, readonly AstNode[]>();

/** Every node of a tree, parents before children, children in property order: what `streamAst` gives. */
export function astNodes(root: AstNode): readonly AstNode[] {
    let nodes = listed.get(root);
    if (!nodes) {
        nodes = listNodes(root);
        listed.set(root, nodes);
    }
    return nodes;
}

function listNodes(root: AstNode): AstNode[] {
    const nodes: AstNode[] = [];
    const stack: AstNode[] = [root];
    const children: AstNode[] = [];
    for (let node = stack.pop(); node; node = stack.pop()) {
        nodes.push(node);
        for (const key of Object.keys(node)) {
            if (key.charCodeAt(0) === DOLLAR) continue;
            const value = (node as unknown as Record<string, unknown>)[key];
            if (Array.isArray(value)) {
                for (const item of value) if (isAstNode(item)) children.push(item);
            } else if (isAstNode(value)) {
                children.push(value);
            }
        }
        while (children.length > 0) stack.push(children.pop()!);
    }
    return nodes;
}

/** The references a node holds, in property order: what `streamReferences` gives. */
export function referencesOf(node: AstNode): ReferenceInfo[] {
    const references: ReferenceInfo[] = [];
    for (const property of Object.keys(node)) {
        if (property.charCodeAt(0) === DOLLAR) continue;
        const value = (node as unknown as Record<string, unknown>)[property];
        if (isReference(value)) {
            references.push({ reference: value, container: node, property });
        } else if (Array.isArray(value)) {
            value.forEach((element, index) => {
                if (isReference(element)) references.push({ reference: element, container: node, property, index });
            });
        }
    }
    return references;
}

/** Visits every node, pausing (and checking for cancellation) once per batch of nodes. */
export async function forEachNode(root: AstNode, cancelToken: Cancellation.CancellationToken, visit: (node: AstNode) => void | Promise<void>): Promise<void> {
    const nodes = astNodes(root);
    for (let i = 0; i < nodes.length; i++) {
        if (i % NODES_PER_PAUSE === 0) await interruptAndCheck(cancelToken);
        const result = visit(nodes[i]);
        if (result) await result;
    }
}
