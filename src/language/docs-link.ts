// Where each diagnostic code is explained: docs/diagnostics.md as shipped beside the tool, by file URI.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

let reference: string | null | undefined;

/** The URI of the diagnostics reference, found by walking up from this module (source, bundle or extension). */
function referenceUri(): string | undefined {
    if (reference === undefined) {
        reference = null;
        for (let dir = __dirname, i = 0; i < 4; dir = path.dirname(dir), i++) {
            const candidate = path.join(dir, 'docs', 'diagnostics.md');
            if (fs.existsSync(candidate)) {
                reference = pathToFileURL(candidate).href;
                break;
            }
        }
    }
    return reference ?? undefined;
}

/** The link to a code's explanation, for a diagnostic's `codeDescription`. */
export function codeDescription(code: string): { href: string } | undefined {
    const uri = referenceUri();
    return uri ? { href: `${uri}#${code}` } : undefined;
}
