// Random protocols whose steps and duties are written with roles, `each party`, `the other party`, `every other
// party` and `all parties`, each with its twin written out by hand: every such obligation replaced by one
// obligation per assignment of bound parties to its roles (docs/language.md §3: "a step written once with
// roles is the same obligation for whichever party is in that role"). Written from the contract alone: the
// expansion here does not use src/model/roles.ts.
import fc from 'fast-check';

const PARTIES = ['Aland', 'Borea', 'Coria'] as const;
const ORGANS = ['MoD', 'MFA', 'Fleet'] as const;
const ROLES = ['Testing', 'Notified'] as const;
const VERBS = ['notifies', 'consults', 'verifies', 'intercepts', 'withdraws'] as const;
const CHANNELS = ['Hotline', 'Notes', 'Direct', 'Desk'] as const;

type Party = typeof PARTIES[number];
type Organ = typeof ORGANS[number];
type RoleName = typeof ROLES[number];

/** Who acts or is addressed, as written. */
export type Ref =
    | { readonly kind: 'named'; readonly party: Party; readonly organ?: Organ }
    | { readonly kind: 'mediator' }
    | { readonly kind: 'role'; readonly role: RoleName; readonly organ?: Organ }
    | { readonly kind: 'each'; readonly organ?: Organ }
    | { readonly kind: 'other'; readonly organ?: Organ }
    | { readonly kind: 'every-other'; readonly organ?: Organ }
    | { readonly kind: 'all' };

export interface Obligation {
    readonly name: string;
    readonly actor: Ref;
    readonly verb: typeof VERBS[number];
    readonly counterpart?: Ref;
    readonly channel?: string;
    /** A step's `within` (or `immediately`); a duty's `within D after launch` or `every D`. */
    readonly timing: string;
    readonly after: readonly string[];
    readonly authorizedBy?: Ref;
    readonly cites: boolean;
}

interface Channel {
    readonly name: string;
    readonly ends: readonly string[];
    readonly latency?: string;
    readonly fallback?: string;
}

export interface RoleProtocol {
    /** The parties declared; `between` names `bound` when `between` is true, else every declared party is bound. */
    readonly parties: readonly Party[];
    readonly between: boolean;
    readonly bound: readonly Party[];
    /** The organs of each party that `authorizes force`. */
    readonly forceOrgans: ReadonlyMap<Party, readonly Organ[]>;
    readonly reciprocity: boolean;
    readonly channels: readonly Channel[];
    readonly responses: ReadonlyArray<{ readonly level: string; readonly within?: string; readonly steps: readonly Obligation[] }>;
    readonly duties: readonly Obligation[];
}

/** What a twin text's obligation stands for: the index of the written obligation it expands (responses' steps first, then duties). */
export interface Twins {
    readonly text: string;
    /** Per written obligation (in order), its line in the text with roles. */
    readonly lines: readonly number[];
    /** Per line of the expanded text that holds an obligation, the index of the written obligation it expands. */
    readonly origin: ReadonlyMap<number, number>;
    /** Whether each written obligation is written with a role, `each party` or another party (its twins are several, or renamed). */
    readonly generic: readonly boolean[];
}

export interface RolePair {
    readonly protocol: RoleProtocol;
    /** The protocol as written, with roles. */
    readonly written: Twins;
    /** The same protocol with every obligation expanded over the bound parties. */
    readonly expanded: Twins;
}

// ---- Generation ---------------------------------------------------------------------------

const organ = fc.option(fc.constantFrom(...ORGANS), { nil: undefined, freq: 4 });
const withOrgan = <T extends object>(ref: T, o: Organ | undefined): T => (o ? { ...ref, organ: o } : ref);

function actorRef(parties: readonly Party[]): fc.Arbitrary<Ref> {
    return fc.oneof(
        { weight: 3, arbitrary: fc.record({ role: fc.constantFrom(...ROLES), organ }).map(({ role, organ: o }): Ref => withOrgan({ kind: 'role', role }, o)) },
        { weight: 3, arbitrary: organ.map((o): Ref => withOrgan({ kind: 'each' }, o)) },
        { weight: 2, arbitrary: fc.record({ party: fc.constantFrom(...parties), organ }).map(({ party, organ: o }): Ref => withOrgan({ kind: 'named', party }, o)) },
        { weight: 1, arbitrary: fc.constant<Ref>({ kind: 'mediator' }) },
    );
}

/** A counterpart that reads well after the actor: `the other party` only where two parties are bound and a party acts. */
function counterpartRef(actor: Ref, parties: readonly Party[], bound: readonly Party[]): fc.Arbitrary<Ref | undefined> {
    const partyActs = actor.kind !== 'mediator';
    const options: Array<{ weight: number; arbitrary: fc.Arbitrary<Ref | undefined> }> = [
        { weight: 2, arbitrary: fc.constant(undefined) },
        { weight: 2, arbitrary: fc.record({ party: fc.constantFrom(...parties), organ }).map(({ party, organ: o }): Ref => withOrgan({ kind: 'named', party }, o)) },
        { weight: 1, arbitrary: fc.constant<Ref>({ kind: 'mediator' }) },
        { weight: 1, arbitrary: fc.constant<Ref>({ kind: 'all' }) },
    ];
    if (actor.kind !== 'each') {
        const others = ROLES.filter(r => actor.kind !== 'role' || r !== actor.role);
        options.push({ weight: 3, arbitrary: fc.record({ role: fc.constantFrom(...others), organ }).map(({ role, organ: o }): Ref => withOrgan({ kind: 'role', role }, o)) });
    }
    if (partyActs) {
        options.push({ weight: 2, arbitrary: organ.map((o): Ref => withOrgan({ kind: 'every-other' }, o)) });
        // A party the protocol does not bind has no single other party among the two bound.
        const boundActor = actor.kind !== 'named' || bound.includes(actor.party);
        if (bound.length === 2 && boundActor) options.push({ weight: 4, arbitrary: organ.map((o): Ref => withOrgan({ kind: 'other' }, o)) });
    }
    return fc.oneof(...options);
}

/** Force needs an authorizing organ: the acting party's, a role's or another party's; sometimes none. */
function authorizer(actor: Ref, parties: readonly Party[]): fc.Arbitrary<Ref | undefined> {
    const own: Ref | undefined = actor.kind === 'role' ? { kind: 'role', role: actor.role, organ: 'MoD' }
        : actor.kind === 'each' ? { kind: 'each', organ: 'MoD' }
            : actor.kind === 'named' ? { kind: 'named', party: actor.party, organ: 'MoD' } : undefined;
    return fc.oneof(
        { weight: 1, arbitrary: fc.constant(undefined) },
        { weight: own ? 4 : 0, arbitrary: fc.constant(own) },
        { weight: 1, arbitrary: fc.constantFrom(...parties).map((party): Ref => ({ kind: 'named', party, organ: 'MoD' })) },
        { weight: 1, arbitrary: fc.constantFrom(...ROLES).map((role): Ref => ({ kind: 'role', role, organ: 'MoD' })) },
    );
}

function obligation(name: string, parties: readonly Party[], bound: readonly Party[], timing: fc.Arbitrary<string>, earlier: readonly string[]): fc.Arbitrary<Obligation> {
    return actorRef(parties).chain(actor => fc.record({
        verb: fc.constantFrom(...VERBS),
        counterpart: counterpartRef(actor, parties, bound),
        channel: fc.option(fc.constantFrom(...CHANNELS), { nil: undefined, freq: 4 }),
        timing,
        after: earlier.length > 0 ? fc.subarray([...earlier], { maxLength: Math.min(2, earlier.length) }) : fc.constant([]),
        authorizedBy: authorizer(actor, parties),
        cites: fc.boolean(),
    }).map(o => {
        const force = o.verb === 'intercepts';
        return {
            name, actor, verb: o.verb, timing: o.timing, after: o.after, cites: force && o.cites,
            ...(o.counterpart ? { counterpart: o.counterpart } : {}),
            ...(o.channel ? { channel: o.channel } : {}),
            ...(force && o.authorizedBy ? { authorizedBy: o.authorizedBy } : {}),
        };
    }));
}

function steps(prefix: string, parties: readonly Party[], bound: readonly Party[], count: number): fc.Arbitrary<Obligation[]> {
    const timing = fc.constantFrom('within 5 min', 'within 30 min', 'within 2 h', 'immediately');
    let result: fc.Arbitrary<Obligation[]> = fc.constant([]);
    for (let i = 0; i < count; i++) {
        result = result.chain(before => obligation(`${prefix}${i + 1}`, parties, bound, timing, before.map(s => s.name)).map(step => [...before, step]));
    }
    return result;
}

const END_POOL = ['Aland.MoD', 'Borea.MoD', 'Coria.MoD', 'Aland.MFA', 'Borea.MFA', 'Aland', 'Borea', 'Coria', 'OSCE', 'Aland.Fleet', 'Borea.Fleet'];

function channels(parties: readonly Party[]): fc.Arbitrary<Channel[]> {
    const ends = END_POOL.filter(end => end === 'OSCE' || parties.includes(end.split('.')[0] as Party));
    return fc.tuple(...CHANNELS.map(name => fc.record({
        ends: fc.uniqueArray(fc.constantFrom(...ends), { minLength: 2, maxLength: 3 }),
        latency: fc.option(fc.constantFrom('1 min', '10 min', '1 h', '1 d'), { nil: undefined, freq: 4 }),
        fallback: fc.option(fc.constantFrom(...CHANNELS.filter(c => c !== name)), { nil: undefined, freq: 2 }),
    }).map(c => ({ name, ends: c.ends, ...(c.latency ? { latency: c.latency } : {}), ...(c.fallback ? { fallback: c.fallback } : {}) }))));
}

export const rolePair: fc.Arbitrary<RolePair> = fc.record({
    three: fc.boolean(),
    between: fc.boolean(),
    // With three parties declared, `between` may bind two of them: the third may only be addressed.
    bindTwo: fc.boolean(),
    reciprocity: fc.boolean(),
    borneaForce: fc.boolean(),
    counts: fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 0, max: 2 })),
}).chain(shape => {
    const parties: Party[] = shape.three ? ['Aland', 'Borea', 'Coria'] : ['Aland', 'Borea'];
    const between = shape.between || (shape.three && shape.bindTwo);
    const bound: Party[] = between && shape.bindTwo ? ['Aland', 'Borea'] : parties;
    const forceOrgans = new Map<Party, Organ[]>([['Aland', ['MoD']], ['Borea', shape.borneaForce ? ['MoD'] : []], ['Coria', ['MoD']]]);
    const dutyTiming = fc.constantFrom('within 30 min after launch', 'within 2 h after launch', 'every 1 wk');
    return fc.record({
        channels: channels(parties),
        concern: steps('c', parties, bound, shape.counts[0]),
        crisis: steps('k', parties, bound, shape.counts[1]),
        duties: fc.tuple(...Array.from({ length: shape.counts[2] }, (_, i) => obligation(`d${i + 1}`, parties, bound, dutyTiming, []))),
        withins: fc.tuple(fc.constantFrom(undefined, '1 h', '4 h'), fc.constantFrom(undefined, '10 min', '1 h')),
    }).map(({ channels: declared, concern, crisis, duties, withins }): RoleProtocol => ({
        parties, between, bound, forceOrgans, reciprocity: shape.reciprocity, channels: declared,
        responses: [
            { level: 'Concern', ...(withins[0] ? { within: withins[0] } : {}), steps: concern },
            { level: 'Crisis', ...(withins[1] ? { within: withins[1] } : {}), steps: crisis },
        ],
        duties,
    }));
}).map(protocol => {
    const pair = { protocol, written: render(protocol, false), expanded: render(protocol, true) };
    return { ...pair, [fc.toStringMethod]: () => `\n${pair.written.text}\n---- expanded ----\n${pair.expanded.text}` } as RolePair;
});

// ---- Expansion (§3) -----------------------------------------------------------------------

export function isGeneric(o: Obligation): boolean {
    const generic = (ref: Ref | undefined) => ref !== undefined && ref.kind !== 'named' && ref.kind !== 'mediator';
    return generic(o.actor) || generic(o.counterpart) || generic(o.authorizedBy);
}

/** A concrete actor as the twin writes it: `Aland.MoD`, `Aland`, `OSCE`. */
type Concrete = { readonly party?: Party; readonly text: string };

/**
 * The twins of an obligation: for every assignment of distinct bound parties to its roles, and with `each party`
 * for every bound party acting, one obligation per counterpart it addresses (`every other party` and `all parties`
 * address several).
 */
export function expand(o: Obligation, bound: readonly Party[]): Array<{ actor: string; counterpart?: string; authorizedBy?: string }> {
    const roles = [...new Set([o.actor, o.counterpart, o.authorizedBy].flatMap(ref => ref?.kind === 'role' ? [ref.role] : []))];
    let assignments: Array<Map<string, Party>> = [new Map()];
    for (const role of roles) {
        assignments = assignments.flatMap(a => bound.filter(p => ![...a.values()].includes(p)).map(p => new Map(a).set(role, p)));
    }
    const eachParty = o.actor.kind === 'each' || o.authorizedBy?.kind === 'each';
    const result: Array<{ actor: string; counterpart?: string; authorizedBy?: string }> = [];
    for (const assignment of assignments) {
        for (const each of eachParty ? bound : [undefined]) {
            const of = (party: Party, organName: Organ | undefined): Concrete => ({ party, text: organName ? `${party}.${organName}` : party });
            const resolve = (ref: Ref, acting: Party | undefined): Concrete[] => {
                switch (ref.kind) {
                    case 'named': return [of(ref.party, ref.organ)];
                    case 'mediator': return [{ text: 'OSCE' }];
                    case 'role': return [of(assignment.get(ref.role)!, ref.organ)];
                    case 'each': return [of(each!, ref.organ)];
                    case 'other': case 'every-other': return bound.filter(p => p !== acting).map(p => of(p, ref.organ));
                    // All the parties but the one acting, which need not reach itself.
                    case 'all': return bound.filter(p => p !== acting).map(p => of(p, undefined));
                }
            };
            const [actor] = resolve(o.actor, undefined);
            const counterparts = o.counterpart ? resolve(o.counterpart, actor.party) : [undefined];
            const [authorizedBy] = o.authorizedBy ? resolve(o.authorizedBy, actor.party) : [undefined];
            for (const counterpart of counterparts) {
                result.push({ actor: actor.text, ...(counterpart ? { counterpart: counterpart.text } : {}), ...(authorizedBy ? { authorizedBy: authorizedBy.text } : {}) });
            }
        }
    }
    return result;
}

// ---- Text ---------------------------------------------------------------------------------

function refText(ref: Ref): string {
    const withOrganText = (subject: string, o: Organ | undefined) => o ? `${subject}.${o}` : subject;
    switch (ref.kind) {
        case 'named': return withOrganText(ref.party, ref.organ);
        case 'mediator': return 'OSCE';
        case 'role': return withOrganText(ref.role, ref.organ);
        case 'each': return withOrganText('each party', ref.organ);
        case 'other': return withOrganText('the other party', ref.organ);
        case 'every-other': return withOrganText('every other party', ref.organ);
        case 'all': return 'all parties';
    }
}

function render(protocol: RoleProtocol, expanded: boolean): Twins {
    const out: string[] = [];
    const lines: number[] = [];
    const origin = new Map<number, number>();
    const emit = (text: string) => out.push(text) - 1;
    emit('protocol Roles "Roles" {');
    for (const party of protocol.parties) {
        const powers = protocol.forceOrgans.get(party)!;
        emit(`    party ${party} "${party}" {`);
        for (const o of ORGANS) emit(`        organ ${o} "${o} of ${party}"${powers.includes(o) ? ' authorizes force' : ''}`);
        emit('    }');
    }
    emit('    mediator OSCE "OSCE"');
    if (protocol.between) emit(`    between ${protocol.bound.join(', ')}`);
    if (protocol.reciprocity) emit('    require reciprocity');
    if (!expanded) {
        emit('    role Testing "the Party conducting the test"');
        emit('    role Notified "the Party notified"');
    }
    emit('    event launch "Flight test"');
    for (const c of protocol.channels) {
        emit(`    channel ${c.name} "${c.name}" links ${c.ends.join(', ')}${c.latency ? ` latency ${c.latency}` : ''}${c.fallback ? ` fallback ${c.fallback}` : ''}`);
    }
    emit('    indicator tension "Tension" : scale Low < Raised < High');
    emit('    ladder { Normal "Normal" Concern "Concern" Crisis "Crisis" }');
    emit('    threshold Raised "Art. 1": tension = Raised -> Concern');
    emit('    threshold High "Art. 2": tension = High -> Crisis');
    let index = 0;
    const written = (o: Obligation, keyword: 'step' | 'duty', twinsOf: ReadonlyMap<string, readonly string[]>) => {
        const tail = (after: readonly string[]) => [
            o.channel ? `via ${o.channel}` : '',
            o.timing,
            after.length > 0 ? `after ${after.join(', ')}` : '',
        ];
        const legal = (authorizedBy: string | undefined) => [authorizedBy ? `authorized by ${authorizedBy}` : '', o.cites ? 'cites "UN Charter, Art. 51"' : ''];
        if (!expanded) {
            lines.push(emit(['       ', keyword, `${o.name}:`, refText(o.actor), o.verb, o.counterpart ? refText(o.counterpart) : '', ...tail(o.after),
                ...legal(o.authorizedBy && refText(o.authorizedBy))].filter(Boolean).join(' ')));
        } else {
            const after = o.after.flatMap(name => twinsOf.get(name) ?? []);
            twinNames(o, protocol.bound).forEach((name, k) => {
                const twin = expand(o, protocol.bound)[k];
                origin.set(emit(['       ', keyword, `${name}:`, twin.actor, o.verb, twin.counterpart ?? '', ...tail(after), ...legal(twin.authorizedBy)].filter(Boolean).join(' ')), index);
            });
        }
        index++;
    };
    for (const response of protocol.responses) {
        emit(`    response ${response.level}${response.within ? ` within ${response.within}` : ''} {`);
        const twinsOf = new Map(response.steps.map(s => [s.name, twinNames(s, protocol.bound)]));
        response.steps.forEach(step => written(step, 'step', twinsOf));
        emit('    }');
    }
    protocol.duties.forEach(duty => written(duty, 'duty', new Map()));
    emit('}');
    const generic = [...protocol.responses.flatMap(r => r.steps), ...protocol.duties].map(isGeneric);
    return { text: out.join('\n') + '\n', lines, origin, generic };
}

/** The names of an obligation's twins: its own when it has one twin, else numbered. */
function twinNames(o: Obligation, bound: readonly Party[]): string[] {
    const count = expand(o, bound).length;
    return count === 1 ? [o.name] : Array.from({ length: count }, (_, k) => `${o.name}_${k + 1}`);
}
