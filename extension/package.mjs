// `npm run package`: detente.vsix, packed from out/vsix/, a folder holding only what the extension runs
// and shows: the bundles, the grammar, the preview's media, the diagnostics reference (code
// links open it), the icon, this folder's README as the Marketplace page, the changelog and the licence.
// Its package.json is the project's without the fields of development: scripts, dependencies (bundled
// already), devDependencies, bin, allowScripts, overrides.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

const REPO = path.resolve(import.meta.dirname, '..');
const STAGE = path.join(REPO, 'out', 'vsix');
const VSIX = path.join(REPO, 'detente.vsix');
const SHIPPED = [
    'LICENSE', 'CHANGELOG.md', 'language-configuration.json', 'syntaxes/detente.tmLanguage.json',
    'media', 'docs/diagnostics.md', 'out/extension/main.cjs', 'out/language/main.cjs', 'extension/icon.png',
];
const DEVELOPMENT_FIELDS = ['scripts', 'dependencies', 'devDependencies', 'bin', 'allowScripts', 'overrides'];

fs.rmSync(STAGE, { recursive: true, force: true });
for (const file of SHIPPED) fs.cpSync(path.join(REPO, file), path.join(STAGE, file), { recursive: true });
fs.copyFileSync(path.join(REPO, 'extension', 'README.md'), path.join(STAGE, 'README.md'));
const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
for (const field of DEVELOPMENT_FIELDS) delete manifest[field];
fs.writeFileSync(path.join(STAGE, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);

// vsce makes a Marketplace tag of every language alias, dropping what is not ASCII: the alias "Détente"
// became the tag "Dtente". The keyword "Détente" is the tag; the garbled copies are left out.
const require = createRequire(import.meta.url);
const vsce = require('@vscode/vsce/out/package.js');
if (typeof vsce.TagsProcessor?.prototype.onEnd !== 'function' || typeof vsce.pack !== 'function') {
    throw new Error('@vscode/vsce no longer has TagsProcessor and pack where this script expects them');
}
const garbled = new Set(manifest.contributes.languages.flatMap(language => language.aliases ?? [])
    .map(alias => [alias, alias.replace(/[^\w.-]/g, '')]).filter(([alias, tag]) => alias !== tag).map(([, tag]) => tag));
const onEnd = vsce.TagsProcessor.prototype.onEnd;
vsce.TagsProcessor.prototype.onEnd = async function () {
    await onEnd.call(this);
    this.tags = this.tags.filter(tag => !garbled.has(tag));
};

const { files } = await vsce.pack({ cwd: STAGE, packagePath: VSIX, dependencies: false, rewriteRelativeLinks: false });
const vsixManifest = files.find(file => file.path === 'extension.vsixmanifest').contents.toString('utf8');
const tags = /<Tags>([^<]*)<\/Tags>/.exec(vsixManifest)?.[1].split(',') ?? [];
if (!tags.includes('Détente') || tags.some(tag => garbled.has(tag))) throw new Error(`unexpected Marketplace tags: ${tags.join(', ')}`);
console.log(`${path.relative(process.cwd(), VSIX)}: ${files.length} files; tags ${tags.join(', ')}`);
