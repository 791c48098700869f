// Verbs of a step or duty and their classes; the classes drive the legal checks (docs/language.md §2).

export type VerbClass =
    | 'communication' | 'verification' | 'mediation' | 'disclosure' | 'restraint' | 'force' | 'assistance' | 'administration';

/** The built-in verbs of each class; `assistance` and `administration` have none: `action` declares verbs of any class. */
export const VERB_CLASSES: Readonly<Record<VerbClass, readonly string[]>> = {
    communication: ['notifies', 'consults', 'requests', 'explains', 'acknowledges'],
    verification: ['verifies', 'inspects'],
    mediation: ['mediates', 'convenes'],
    disclosure: ['discloses'],
    restraint: ['withdraws', 'suspends', 'pauses'],
    force: ['intercepts', 'deploys', 'engages'],
    assistance: [],
    administration: [],
};

const CLASS_OF_VERB: ReadonlyMap<string, VerbClass> = new Map(
    (Object.entries(VERB_CLASSES) as Array<[VerbClass, readonly string[]]>)
        .flatMap(([verbClass, verbs]) => verbs.map(verb => [verb, verbClass] as const))
);

/** The class of a built-in verb, or undefined for a verb the language does not know. */
export function verbClass(verb: string): VerbClass | undefined {
    return CLASS_OF_VERB.get(verb);
}
