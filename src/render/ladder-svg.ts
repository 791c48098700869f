// The escalation ladder as an inline SVG: rungs from the baseline (bottom) to the most severe level (top),
// with the de-escalations as arrows down the right-hand side. A rung grows with its label, which wraps
// within the rung: no text ever runs past its rung or over another.
import type { Protocol } from '../model/protocol.js';
import { formatDuration } from '../analysis/deadlines.js';
import { type Html, html } from './html-template.js';

const WIDTH = 680;
const GAP = 22;
const RUNG_WIDTH = 420;
const LEFT = 20;
const TOP = 16;
const PAD = 12;
const NAME_LINE = 19;
const SMALL_LINE = 14;
/** A generous average advance of the 11 px sans-serif the labels use; wrapping errs towards short lines. */
const SMALL_CHAR = 6.6;
/** The same for the 14 px bold level names. */
const NAME_CHAR = 9.2;

/** Severity colours from calm green through amber to grave red, dark enough for white text. */
export function levelColour(rank: number, levels: number): string {
    const t = levels > 1 ? rank / (levels - 1) : 0;
    const hue = Math.round(130 * (1 - t));
    return `hsl(${hue}, 62%, ${Math.round(34 + 4 * Math.sin(Math.PI * t))}%)`;
}

/** Words on lines of at most `width` characters; a word longer than a line is cut. */
export function wrap(text: string, width: number): string[] {
    const lines: string[] = [];
    let line = '';
    for (const word of text.split(/\s+/).filter(Boolean)) {
        for (let rest = word; rest.length > 0;) {
            const room = line ? width - line.length - 1 : width;
            if (rest.length <= room) {
                line = line ? `${line} ${rest}` : rest;
                rest = '';
            } else if (line) {
                lines.push(line);
                line = '';
            } else {
                lines.push(rest.slice(0, width));
                rest = rest.slice(width);
            }
        }
    }
    if (line) lines.push(line);
    return lines;
}

export function ladderSvg(protocol: Protocol): Html {
    const count = protocol.levels.length;
    const chars = (size: number) => Math.floor((RUNG_WIDTH - 2 * PAD) / size);
    const rungs = protocol.levels.map(level => {
        const rules = protocol.rules.filter(r => r.level === level.name).length;
        const response = protocol.responses.find(r => r.level === level.name);
        const detail = level.rank === 0
            ? 'baseline'
            : `${rules} rule${rules === 1 ? '' : 's'}${response ? ` · response${response.within ? ` within ${formatDuration(response.within.base)}` : ''}` : ' · no response'}`;
        const name = wrap(level.name, chars(NAME_CHAR));
        const label = level.label !== level.name ? wrap(level.label, chars(SMALL_CHAR)) : [];
        const height = PAD + name.length * NAME_LINE + (label.length + 1) * SMALL_LINE + PAD / 2;
        return { level, name, label, detail: wrap(detail, chars(SMALL_CHAR)), height };
    });
    // From the top (most severe) down.
    const ordered = [...rungs].reverse();
    const tops = new Map<number, number>();
    let y = TOP;
    for (const rung of ordered) {
        const height = rung.height + (rung.detail.length - 1) * SMALL_LINE;
        tops.set(rung.level.rank, y);
        y += height + GAP;
    }
    const height = y - GAP + TOP;
    const middle = (rank: number) => {
        const rung = rungs[rank];
        return tops.get(rank)! + (rung.height + (rung.detail.length - 1) * SMALL_LINE) / 2;
    };
    const drawn = rungs.map(rung => {
        const top = tops.get(rung.level.rank)!;
        const rungHeight = rung.height + (rung.detail.length - 1) * SMALL_LINE;
        let line = top + PAD + 7;
        const texts: Html[] = [];
        for (const part of rung.name) {
            texts.push(html`<text x="${LEFT + PAD}" y="${line}" class="level-name">${part}</text>`);
            line += NAME_LINE;
        }
        line -= 4;
        for (const part of rung.label) {
            texts.push(html`<text x="${LEFT + PAD}" y="${line}" class="level-label">${part}</text>`);
            line += SMALL_LINE;
        }
        for (const part of rung.detail) {
            texts.push(html`<text x="${LEFT + PAD}" y="${line}" class="level-detail">${part}</text>`);
            line += SMALL_LINE;
        }
        return html`<g class="rung" data-level="${rung.level.name}">
  <rect x="${LEFT}" y="${top}" width="${RUNG_WIDTH}" height="${rungHeight}" rx="6" fill="${levelColour(rung.level.rank, count)}"/>
  ${texts.map(text => html`${text}\n  `)}</g>`;
    });
    const arrows = protocol.deescalations.map((d, i) => {
        const from = protocol.levels.find(l => l.name === d.from)!.rank;
        const to = protocol.levels.find(l => l.name === d.to)!.rank;
        const x = LEFT + RUNG_WIDTH + 24 + i * 38;
        const y1 = middle(from);
        const y2 = middle(to);
        return html`<g class="offramp">
  <path d="M ${LEFT + RUNG_WIDTH} ${y1} H ${x} V ${y2} H ${LEFT + RUNG_WIDTH + 6}" marker-end="url(#arrow)"/>
  <text x="${x + 4}" y="${(y1 + y2) / 2}" class="hold">${d.holdFor ? formatDuration(d.holdFor.base) : ''}</text>
</g>`;
    });
    const width = Math.max(WIDTH, LEFT + RUNG_WIDTH + 40 + protocol.deescalations.length * 38 + 60);
    return html`<svg class="ladder" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="Escalation ladder of ${protocol.name}">
<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z"/></marker></defs>
${drawn}
${arrows}
</svg>`;
}
