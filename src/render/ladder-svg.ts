// The escalation ladder as an inline SVG: rungs from the baseline (bottom) to the most severe level (top),
// with the de-escalations as arrows down the right-hand side.
import type { Protocol } from '../model/protocol.js';
import { formatDuration } from '../analysis/deadlines.js';
import { type Html, html } from './html-template.js';

const WIDTH = 680;
const RUNG_HEIGHT = 44;
const GAP = 22;
const RUNG_WIDTH = 420;
const LEFT = 20;
const TOP = 16;

/** Severity colours from calm green through amber to grave red, dark enough for white text. */
export function levelColour(rank: number, levels: number): string {
    const t = levels > 1 ? rank / (levels - 1) : 0;
    const hue = Math.round(130 * (1 - t));
    return `hsl(${hue}, 62%, ${Math.round(34 + 4 * Math.sin(Math.PI * t))}%)`;
}

export function ladderSvg(protocol: Protocol): Html {
    const count = protocol.levels.length;
    const height = TOP * 2 + count * RUNG_HEIGHT + (count - 1) * GAP;
    const y = (rank: number) => TOP + (count - 1 - rank) * (RUNG_HEIGHT + GAP);
    const rungs = protocol.levels.map(level => {
        const rules = protocol.rules.filter(r => r.level === level.name).length;
        const response = protocol.responses.find(r => r.level === level.name);
        const detail = level.rank === 0
            ? 'baseline'
            : `${rules} rule${rules === 1 ? '' : 's'}${response ? ` · response${response.within ? ` within ${formatDuration(response.within.base)}` : ''}` : ' · no response'}`;
        return html`<g class="rung" data-level="${level.name}">
  <rect x="${LEFT}" y="${y(level.rank)}" width="${RUNG_WIDTH}" height="${RUNG_HEIGHT}" rx="6" fill="${levelColour(level.rank, count)}"/>
  <text x="${LEFT + 12}" y="${y(level.rank) + 19}" class="level-name">${level.name}</text>
  <text x="${LEFT + 12}" y="${y(level.rank) + 35}" class="level-label">${level.label !== level.name ? level.label : ''}</text>
  <text x="${LEFT + RUNG_WIDTH - 12}" y="${y(level.rank) + 27}" class="level-detail" text-anchor="end">${detail}</text>
</g>`;
    });
    const arrows = protocol.deescalations.map((d, i) => {
        const from = protocol.levels.find(l => l.name === d.from)!.rank;
        const to = protocol.levels.find(l => l.name === d.to)!.rank;
        const x = LEFT + RUNG_WIDTH + 24 + i * 38;
        const y1 = y(from) + RUNG_HEIGHT / 2;
        const y2 = y(to) + RUNG_HEIGHT / 2;
        return html`<g class="offramp">
  <path d="M ${LEFT + RUNG_WIDTH} ${y1} H ${x} V ${y2} H ${LEFT + RUNG_WIDTH + 6}" marker-end="url(#arrow)"/>
  <text x="${x + 4}" y="${(y1 + y2) / 2}" class="hold">${d.holdFor ? formatDuration(d.holdFor.base) : ''}</text>
</g>`;
    });
    const width = Math.max(WIDTH, LEFT + RUNG_WIDTH + 40 + protocol.deescalations.length * 38 + 60);
    return html`<svg class="ladder" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="Escalation ladder of ${protocol.name}">
<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z"/></marker></defs>
${rungs}
${arrows}
</svg>`;
}
