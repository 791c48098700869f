// redline-without-consequence: a red line deters only when its consequence and disclosure are declared.
import type { ValidationAcceptor } from 'langium';
import type { Redline } from '../generated/ast.js';
import { report } from './report.js';

export function checkRedlineConsequence(redline: Redline, accept: ValidationAcceptor): void {
    const missing = [
        redline.consequence === undefined ? 'consequence "…"' : undefined,
        redline.disclosure === undefined ? 'disclosure public|confidential' : undefined,
    ].filter(part => part !== undefined);
    if (missing.length > 0) {
        report(accept, 'redline-without-consequence',
            `Red line '${redline.name}' declares no ${missing.map(part => part.split(' ')[0]).join(' and no ')}; add ${missing.join(' and ')} in its { } block.`,
            { node: redline, property: 'name' });
    }
}
