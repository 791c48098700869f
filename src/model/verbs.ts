// Verbs of a step and their classes; the classes drive the legal checks (docs/language.md §2).

export type VerbClass = 'communication' | 'verification' | 'mediation' | 'disclosure' | 'restraint' | 'force';

export const VERB_CLASSES: Readonly<Record<VerbClass, readonly string[]>> = {
    communication: ['notifies', 'consults', 'requests', 'explains', 'acknowledges'],
    verification: ['verifies', 'inspects'],
    mediation: ['mediates', 'convenes'],
    disclosure: ['discloses'],
    restraint: ['withdraws', 'suspends', 'pauses'],
    force: ['intercepts', 'deploys', 'engages'],
};

const CLASS_OF_VERB: ReadonlyMap<string, VerbClass> = new Map(
    (Object.entries(VERB_CLASSES) as Array<[VerbClass, readonly string[]]>)
        .flatMap(([verbClass, verbs]) => verbs.map(verb => [verb, verbClass] as const))
);

export function verbClass(verb: string): VerbClass {
    const found = CLASS_OF_VERB.get(verb);
    if (!found) {
        throw new Error(`unknown verb '${verb}'`);
    }
    return found;
}
