// Who an obligation binds. A step or duty written with roles or `each party` is the same obligation for
// whichever bound party is in that role (docs/language.md §3): it stands for every assignment of distinct
// bound parties to its roles. The checks look at these concrete readings; messages name the roles.
import type { ActorRef, ConcreteActor, Obligation, Protocol } from './protocol.js';

/** An assignment of bound parties to roles (and, for `each party`, the party acting). */
export type Binding = ReadonlyMap<string, string>;

/** The role that `each party` stands for in a binding: the party acting. */
export const EACH = 'each party';

/** One reading of an obligation: who acts, towards whom (none: towards nobody), under which binding. */
export interface Reading<T extends Obligation = Obligation> {
    readonly obligation: T;
    readonly actor: ConcreteActor;
    readonly counterparts: readonly ConcreteActor[];
    readonly authorizedBy?: ConcreteActor;
    readonly binding: Binding;
}

/** Whether an actor is written with a role, `each party` or another party: it stands for several readings. */
export function isGeneric(actor: ActorRef | undefined): boolean {
    return actor !== undefined && (actor.kind === 'role' || actor.kind === 'each' || actor.kind === 'other' || actor.kind === 'every-other' || actor.kind === 'all');
}

/** The roles an obligation names. */
function rolesOf(obligation: Obligation): string[] {
    const roles = [obligation.actor, obligation.counterpart, obligation.authorizedBy]
        .flatMap(ref => ref?.kind === 'role' ? [ref.role] : []);
    return [...new Set(roles)];
}

/** Every assignment of distinct bound parties to the roles. */
export function bindings(bound: readonly string[], roles: readonly string[]): Binding[] {
    let result: Array<Map<string, string>> = [new Map()];
    for (const role of roles) {
        result = result.flatMap(binding => bound
            .filter(party => ![...binding.values()].includes(party))
            .map(party => new Map(binding).set(role, party)));
    }
    return result;
}

/**
 * The concrete readings of an obligation: for every binding of its roles (and, with `each party`, every
 * party acting), its actor, counterparts and authorizing organ as concrete actors. A reading that names an
 * organ a party does not have is left out (the structural checks report it).
 */
export function readings<T extends Obligation>(protocol: Protocol, obligation: T): Reading<T>[] {
    const bound = protocol.bound;
    const each = obligation.actor.kind === 'each' || obligation.counterpart?.kind === 'each' || obligation.authorizedBy?.kind === 'each';
    const base = bindings(bound, rolesOf(obligation));
    const all = each ? base.flatMap(binding => bound.map(party => new Map(binding).set(EACH, party))) : base;
    const result: Reading<T>[] = [];
    for (const binding of all) {
        const [actor] = resolve(protocol, obligation.actor, binding, undefined);
        if (!actor) continue;
        const acting = partyOf(actor);
        const counterparts = obligation.counterpart ? resolve(protocol, obligation.counterpart, binding, acting) : [];
        const [authorizedBy] = obligation.authorizedBy ? resolve(protocol, obligation.authorizedBy, binding, acting) : [];
        if (obligation.counterpart && counterparts.length === 0 && obligation.counterpart.kind !== 'every-other') continue;
        if (obligation.authorizedBy && !authorizedBy) continue;
        result.push({ obligation, actor, counterparts, authorizedBy, binding });
    }
    return result;
}

/** The concrete actors a reference stands for under a binding; `acting`: the party of the one acting. */
function resolve(protocol: Protocol, ref: ActorRef, binding: Binding, acting: string | undefined): ConcreteActor[] {
    const bound = protocol.bound;
    const organOf = (party: string | undefined, organ: string | undefined): ConcreteActor[] => {
        if (party === undefined) return [];
        if (organ === undefined) return [{ kind: 'party', party }];
        const found = protocol.parties.find(p => p.name === party)?.organs.some(o => o.name === organ);
        return found ? [{ kind: 'organ', party, organ }] : [];
    };
    switch (ref.kind) {
        case 'role': return organOf(binding.get(ref.role), ref.organ);
        case 'each': return organOf(binding.get(EACH), ref.organ);
        case 'other': {
            const others = bound.filter(party => party !== acting);
            return others.length === 1 ? organOf(others[0], ref.organ) : [];
        }
        case 'every-other': return bound.filter(party => party !== acting).flatMap(party => organOf(party, ref.organ));
        // The acting party addresses all the parties but itself: nothing needs to reach it.
        case 'all': return bound.filter(party => party !== acting).map(party => ({ kind: 'party', party }));
        default: return [ref];
    }
}

/** The party an actor belongs to, if any (mediators and bodies act for no party). */
export function partyOf(actor: ConcreteActor | ActorRef): string | undefined {
    return actor.kind === 'organ' || actor.kind === 'party' ? actor.party : undefined;
}

/** How a reading binds its roles, for messages: `Testing = Aland, Notified = Borea`; empty when nothing is generic. */
export function describeBinding(binding: Binding): string {
    return [...binding].map(([role, party]) => `${role} = ${party}`).join(', ');
}
