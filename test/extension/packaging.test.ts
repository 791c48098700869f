// What the Marketplace shows of the extension: its own README with links that lead somewhere, an icon,
// a changelog, and where the project lives.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';

const REPO = path.resolve(__dirname, '../..');
const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
const repository = manifest.repository.url.replace(/\.git$/, '');

describe('the extension as published', () => {
    test('the manifest says where the project lives, and keeps the name Détente as a keyword', () => {
        expect(repository).toMatch(/^https:\/\/github\.com\/[\w.-]+\/[\w.-]+$/);
        expect(manifest.homepage.startsWith(repository)).toBe(true);
        expect(manifest.bugs.url).toBe(`${repository}/issues`);
        expect(manifest.keywords).toContain('Détente');
    });

    test('the icon is a 128×128 PNG', () => {
        const png = fs.readFileSync(path.join(REPO, manifest.icon));
        expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
        expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([128, 128]);
    });

    test('the Marketplace page links only to absolute addresses, and those in the repository to files it has', () => {
        const readme = fs.readFileSync(path.join(REPO, 'extension', 'README.md'), 'utf8');
        const links = [...readme.matchAll(/\]\(([^)\s]+)\)/g)].map(match => match[1]);
        expect(links.length).toBeGreaterThan(0);
        for (const link of links) {
            expect(link, link).toMatch(/^https:\/\//);
            if (!link.startsWith(`${repository}/blob/main/`)) continue;
            expect(fs.existsSync(path.join(REPO, link.slice(`${repository}/blob/main/`.length).replace(/#.*$/, ''))), link).toBe(true);
        }
        for (const command of manifest.contributes.commands) {
            expect(readme, command.command).toContain(command.title);
        }
    });

    test('a changelog for the current version', () => {
        expect(fs.readFileSync(path.join(REPO, 'CHANGELOG.md'), 'utf8')).toContain(`## ${manifest.version}`);
    });
});
