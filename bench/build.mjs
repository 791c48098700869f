//@ts-check
// Bundles the benchmark into out/bench/ (the solver stays outside: it loads its WebAssembly beside it).
import * as esbuild from 'esbuild';

await esbuild.build({
    entryPoints: { 'bench/run': 'bench/run.ts' },
    outdir: 'out',
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    external: ['z3-solver'],
    sourcemap: true,
    logLevel: 'warning',
});
