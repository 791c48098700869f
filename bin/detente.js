#!/usr/bin/env node
// Launches the Détente command line on Node 22 or later. On an older Node it re-runs itself on the
// Node that the project installs (the `node` package), so a fresh clone needs nothing by hand.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as nodeModule from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../out/cli.cjs', import.meta.url));
const major = Number(process.versions.node.split('.')[0]);

if (!existsSync(cli)) {
    console.error('detente: the command line is not built yet; run `npm run build` first');
    process.exit(2);
}

if (major >= 22) {
    // Keeps V8's compiled code of the bundle between runs (in the system's temporary folder): a
    // quicker start for every later command.
    nodeModule.enableCompileCache?.();
    nodeModule.createRequire(import.meta.url)(cli);
} else {
    const ownNode = fileURLToPath(new URL('../node_modules/node/bin/node', import.meta.url));
    if (!existsSync(ownNode)) {
        console.error(`detente: needs Node.js 22 or later (this is ${process.version}); run \`npm install\` to get the project's own Node`);
        process.exit(2);
    }
    const compileCache = join(tmpdir(), 'node-compile-cache');
    const result = spawnSync(ownNode, [cli, ...process.argv.slice(2)], { stdio: 'inherit', env: { NODE_COMPILE_CACHE: compileCache, ...process.env } });
    process.exit(result.status ?? 2);
}
