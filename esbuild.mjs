//@ts-check
// Bundles the command line, the language server and the VS Code extension into out/ (CommonJS, as VS Code
// loads it); with --bench, the benchmark into out/bench/ instead (the solver stays outside: it loads its
// WebAssembly beside it).
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
const minify = process.argv.includes('--minify');
const bench = process.argv.includes('--bench');

const context = await esbuild.context({
    entryPoints: bench ? { 'bench/run': 'bench/run.ts' } : {
        'cli': 'src/cli/bin.ts',
        'language/main': 'src/language/main.ts',
        'extension/main': 'src/extension/main.ts',
    },
    outdir: 'out',
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    external: bench ? ['z3-solver'] : ['vscode'],
    sourcemap: !minify,
    minify,
    logLevel: 'warning',
});

if (watch) {
    await context.watch();
} else {
    await context.rebuild();
    await context.dispose();
}
