// step-cycle: `after` dependencies that come back to where they started.
import type { ValidationAcceptor } from 'langium';
import type { Response, Step } from '../generated/ast.js';
import { report } from './report.js';

export function checkStepCycles(response: Response, accept: ValidationAcceptor): void {
    for (const step of response.steps) {
        const cycle = cycleFrom(step);
        if (cycle) {
            const path = [...cycle, step].map(s => s.name).join(' → ');
            report(accept, 'step-cycle', `Step '${step.name}' waits on itself: ${path}. No deadline can be set for it.`,
                { node: step, property: 'name' });
        }
    }
}

/** The `after` path from `start` that leads back to it, if any (depth-first, each step visited once). */
function cycleFrom(start: Step): Step[] | undefined {
    const visited = new Set<Step>();
    const walk = (step: Step, path: Step[]): Step[] | undefined => {
        for (const reference of step.after) {
            const next = reference.ref;
            if (!next) continue;
            if (next === start) return [...path, step];
            if (visited.has(next)) continue;
            visited.add(next);
            const found = walk(next, [...path, step]);
            if (found) return found;
        }
        return undefined;
    };
    return walk(start, []);
}
