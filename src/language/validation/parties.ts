// Who may act: only the parties a protocol binds (`not-bound`); `the other party` only where there is exactly
// one other (`role-ambiguous`); an organ named through a role or `each party` must exist in every party
// that can stand there (`unresolved-reference`, naming the party that lacks it).
import { AstUtils, type ValidationAcceptor } from 'langium';
import {
    type Agent, type Counterpart, type Duty, type Organ, type Party, type Protocol, type ProtocolFile, type Step, isBinding, isEachParty,
    isEveryOtherParty, isNamed, isOtherParty, isParty, isProtocol, isRole,
} from '../generated/ast.js';
import type { ImportResolver } from '../workspace/import-resolver.js';
import { report } from './report.js';

export class PartyChecks {
    constructor(protected readonly imports: ImportResolver) { }

    checkObligation(obligation: Step | Duty, accept: ValidationAcceptor): void {
        const protocol = AstUtils.getContainerOfType(obligation, isProtocol);
        if (!protocol) return;
        const bound = this.boundParties(protocol);
        const binding = protocol.members.find(isBinding);
        const kind = obligation.$type === 'Step' ? 'step' : 'duty';
        const actor = obligation.actor;
        if (binding && isNamed(actor) && isParty(actor.subject?.ref) && !bound.includes(actor.subject.ref)) {
            report(accept, 'not-bound',
                `${actor.subject.ref.name} acts in ${kind} '${obligation.name}', but the protocol binds only ${bound.map(p => p.name).join(', ')} ` +
                `(between …); a party it does not bind may only be addressed.`,
                { node: actor, property: 'subject' });
        }
        for (const agent of [actor, obligation.counterpart, obligation.authorizedBy]) {
            if (agent) this.checkAgent(agent, bound, obligation, accept);
        }
    }

    protected checkAgent(agent: Agent | Counterpart, bound: readonly Party[], obligation: Step | Duty, accept: ValidationAcceptor): void {
        if (isOtherParty(agent)) {
            const acting = isNamed(obligation.actor) && !isParty(obligation.actor.subject?.ref) && !isRole(obligation.actor.subject?.ref)
                ? obligation.actor.subject?.ref?.name : undefined;
            if (bound.length !== 2 || acting) {
                const why = acting ? `${acting} acts for no party, so there is no other one` : `this protocol binds ${bound.length} parties (${bound.map(p => p.name).join(', ')})`;
                report(accept, 'role-ambiguous', `'the other party' names one party when exactly two are bound; ${why}. Write 'every other party', or name the party.`,
                    { node: agent, keyword: 'the' });
            }
        }
        const generic = isEachParty(agent) || isOtherParty(agent) || isEveryOtherParty(agent) || (isNamed(agent) && isRole(agent.subject?.ref));
        const organ = 'organ' in agent ? agent.organ : undefined;
        if (!generic || !organ?.ref) return;
        const lacking = bound.filter(party => !party.organs.some((o: Organ) => o.name === organ.ref!.name));
        if (lacking.length > 0) {
            const written = agent.$cstNode?.text ?? organ.$refText;
            report(accept, 'unresolved-reference',
                `${lacking.map(p => p.name).join(' and ')} ${lacking.length === 1 ? 'has' : 'have'} no organ '${organ.$refText}': ${written} ` +
                `must name an organ of every party that can stand there.`,
                { node: agent, property: 'organ' });
        }
    }

    /** The parties a protocol binds: those of `between`, or every party it sees. */
    boundParties(protocol: Protocol): Party[] {
        const binding = protocol.members.find(isBinding);
        if (binding) return binding.parties.map(p => p.ref).filter((p): p is Party => p !== undefined);
        const file = protocol.$container as ProtocolFile;
        const document = AstUtils.getDocument(protocol);
        const imported = this.imports.importedDocuments(document).flatMap(doc => (doc.parseResult.value as ProtocolFile).declarations.filter(isParty));
        return [...imported, ...file.declarations.filter(isParty), ...protocol.members.filter(isParty)];
    }
}
