// bad-ladder (exactly one ladder of at least two levels) and deescalation-direction.
import type { ValidationAcceptor } from 'langium';
import { isLadder, type Deescalation, type Level, type Protocol } from '../generated/ast.js';
import { report } from './report.js';

export function checkLadder(protocol: Protocol, accept: ValidationAcceptor): void {
    const ladders = protocol.members.filter(isLadder);
    if (ladders.length === 0) {
        report(accept, 'bad-ladder', `Protocol '${protocol.name}' has no ladder; declare its levels with ladder { … }, least severe first.`,
            { node: protocol, property: 'name' });
    }
    for (const extra of ladders.slice(1)) {
        report(accept, 'bad-ladder', 'A protocol has one ladder; merge its levels into the first.', { node: extra, keyword: 'ladder' });
    }
    for (const ladder of ladders) {
        if (ladder.levels.length < 2) {
            report(accept, 'bad-ladder', 'A ladder needs at least two levels: the baseline first, then at least one more severe.',
                { node: ladder, keyword: 'ladder' });
        }
    }
}

/** `deescalate A to B`: B must be less severe than A. */
export function checkDeescalationDirection(deescalation: Deescalation, accept: ValidationAcceptor): void {
    const from = deescalation.from?.ref;
    const to = deescalation.to?.ref;
    if (!from || !to) return;
    const fromRank = rankOf(from);
    const toRank = rankOf(to);
    if (toRank >= fromRank) {
        const relation = toRank === fromRank ? 'the same level' : 'more severe';
        report(accept, 'deescalation-direction',
            `De-escalation from '${from.name}' to '${to.name}' does not step down: '${to.name}' is ${relation}. The target must be below '${from.name}' on the ladder.`,
            { node: deescalation, property: 'to' });
    }
}

function rankOf(level: Level): number {
    return level.$container.levels.indexOf(level);
}

/** An off-ramp waits for a condition (`when`), for steps (`after`), or both: without either, it never applies. */
export function checkOfframpClauses(deescalation: Deescalation, accept: ValidationAcceptor): void {
    if (deescalation.condition || deescalation.after.length > 0 || !deescalation.to?.ref) return;
    report(accept, 'syntax', `A de-escalation needs 'when CONDITION', 'after STEP, …', or both.`, { node: deescalation, property: 'to' });
}
