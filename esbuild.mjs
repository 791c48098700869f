//@ts-check
// Bundles the command line, the language server and the VS Code extension into out/ (CommonJS, as VS Code loads it).
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
const minify = process.argv.includes('--minify');

const context = await esbuild.context({
    entryPoints: {
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
    external: ['vscode'],
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
