// Renders the extension's icon, icon.svg, to the 128×128 PNG the Marketplace shows:
// `node extension/icon.mjs` after changing the SVG (the PNG is committed).
import * as fs from 'node:fs';
import { Resvg } from '@resvg/resvg-js';

const svg = fs.readFileSync(new URL('icon.svg', import.meta.url), 'utf8');
const png = new Resvg(svg, { fitTo: { mode: 'width', value: 128 } }).render().asPng();
fs.writeFileSync(new URL('icon.png', import.meta.url), png);
