// `detente replay --format html`: a self-contained report (no script, no network) — the level over time as an
// inline SVG step chart, the obligations as marks on it, late and missing ones in a colour and with a
// symbol and a word; then every obligation and the whole timeline. All protocol and log text is escaped.
import { formatDuration } from '../analysis/deadlines.js';
import { type Rational, compare, subtract, toNumber } from '../model/rational.js';
import { type DueObligation, type Replay, type Status, compliant } from '../replay/replay.js';
import { formatTime } from '../replay/time.js';
import { type Html, html } from './html-template.js';
import { levelColour } from './ladder-svg.js';
import { STATUS_MARK } from './replay-text.js';
import { levelName, outcomeText, reasonText, timeline, timingWords, verdictText } from './replay-timeline.js';

const STYLE = `
:root { color-scheme: light; --ink: #1b1b1b; --muted: #5b5b5b; --rule: #c8c8c8; --head: #f1f1f1; }
* { box-sizing: border-box; }
body { font: 14px/1.45 "Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif; color: var(--ink); margin: 2rem auto; max-width: 1200px; padding: 0 1rem; }
h1 { font-size: 1.5rem; margin: 0 0 .2rem; } h2 { font-size: 1.2rem; margin: 2rem 0 .6rem; border-bottom: 2px solid var(--rule); }
.meta { color: var(--muted); }
.verdict { font-weight: 700; padding: .4rem .6rem; border-radius: 4px; display: inline-block; margin: .6rem 0; }
.verdict.ok { background: #e3f2e6; color: #1b5e20; } .verdict.failed { background: #fdecea; color: #b71c1c; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; font-size: 13px; }
th, td { border: 1px solid var(--rule); padding: .3rem .45rem; text-align: left; vertical-align: top; }
th { background: var(--head); font-weight: 600; }
td.time { white-space: nowrap; font-family: ui-monospace, "Cascadia Mono", Consolas, monospace; font-size: 12px; }
.status { font-weight: 700; white-space: nowrap; }
.status-on-time { color: #1b5e20; } .status-late { color: #a84300; } .status-missing { color: #b71c1c; }
.status-pending, .status-not-required { color: var(--muted); }
tr.level td { background: #f6f6f6; font-weight: 600; }
svg.replay { max-width: 100%; height: auto; font-size: 11px; }
svg.replay .axis { stroke: #888; } svg.replay .grid { stroke: #e2e2e2; }
svg.replay .line { fill: none; stroke: #1b1b1b; stroke-width: 2.5; }
svg.replay .outside { fill: url(#hatch); }
svg.replay text { fill: #333; } svg.replay .mark-symbol { fill: #fff; font-weight: 700; font-size: 11px; }
.legend span { margin-right: 1.2rem; white-space: nowrap; }
@page { size: A4 landscape; margin: 14mm; }
@media print { body { margin: 0; max-width: none; font-size: 11px; } tr, svg { break-inside: avoid; } thead { display: table-header-group; } }
`;

/** Colour, shape and symbol of each status: the symbol and the word carry the meaning, the colour repeats it. */
const MARKS: Readonly<Record<Status, { colour: string; symbol: string; shape: 'circle' | 'triangle' | 'square' | 'ring' }>> = {
    'on time': { colour: '#2e7d32', symbol: '✓', shape: 'circle' },
    'late': { colour: '#c25400', symbol: '!', shape: 'triangle' },
    'missing': { colour: '#c62828', symbol: '✗', shape: 'square' },
    'pending': { colour: '#757575', symbol: '…', shape: 'ring' },
    'not required': { colour: '#9e9e9e', symbol: '–', shape: 'ring' },
};

const statusClass = (status: Status) => `status status-${status.replace(' ', '-')}`;

/**
 * In the editor, the page runs one script of the extension's (clicking an obligation reveals its step or
 * duty): the webview's source, the script's address and the nonce that lets it run.
 */
export interface ReplayWebview {
    readonly cspSource: string;
    readonly scriptUri: string;
    readonly nonce: string;
}

export function replayHtml(replay: Replay, logName: string, webview?: ReplayWebview): string {
    const { protocol, zone } = replay;
    const ok = compliant(replay);
    const csp = webview
        ? `default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'nonce-${webview.nonce}'`
        : "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
    const page = html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Replay of ${logName} — ${protocol.name}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>Replay of ${logName}</h1>
<p class="meta">${protocol.name} — ${protocol.title}. ${replay.records.length} records from ${formatTime(replay.start, zone)} to ${formatTime(replay.end, zone)}; times in ${zone}.</p>
<p class="verdict ${ok ? 'ok' : 'failed'}">${ok ? '✓ ' : '✗ '}${verdictText(replay)}</p>
<h2>Level over time</h2>
${chart(replay)}
<p class="legend">${(Object.keys(MARKS) as Status[]).map(status => html`<span class="${statusClass(status)}">${MARKS[status].symbol} ${status}</span>`)}</p>
<h2>Obligations</h2>
${obligationsTable(replay)}
<h2>Timeline</h2>
${timelineTable(replay)}
${webview ? html`<script nonce="${webview.nonce}" src="${webview.scriptUri}"></script>` : ''}
</body>
</html>
`;
    return page.text;
}

const WIDTH = 1100;
const LEFT = 170;
const RIGHT = 20;
const TOP = 16;
const LANE = 34;
const MARK_LANE = 26;

/** The level as a step line over time; below it, one mark per obligation, where it was done or fell due. */
function chart(replay: Replay): Html {
    const { protocol, zone } = replay;
    const levels = protocol.levels;
    const outside = replay.changes.some(c => !c.to);
    const rows = levels.length + (outside ? 1 : 0);
    const plotWidth = WIDTH - LEFT - RIGHT;
    const span = Math.max(toNumber(subtract(replay.end, replay.start)), 1);
    const x = (t: Rational) => LEFT + Math.min(1, Math.max(0, toNumber(subtract(t, replay.start)) / span)) * plotWidth;
    const rowY = (rank: number | undefined) => TOP + (levels.length - 1 - (rank ?? -1)) * LANE + LANE / 2;
    const plotBottom = TOP + rows * LANE;

    // The step line; a stretch outside the scope is a hatched band on the "no level" row.
    const points: string[] = [];
    const bands: Html[] = [];
    replay.changes.forEach((change, i) => {
        const from = x(change.time);
        const until = x(replay.changes[i + 1]?.time ?? replay.end);
        const rank = change.to?.rank;
        if (rank === undefined) {
            bands.push(html`<rect class="outside" x="${from.toFixed(1)}" y="${(rowY(undefined) - LANE / 2 + 4).toFixed(1)}" width="${Math.max(until - from, 1).toFixed(1)}" height="${LANE - 8}"><title>${formatTime(change.time, zone)}: outside the scope, no level</title></rect>`);
        }
        const y = rowY(rank).toFixed(1);
        points.push(`${from.toFixed(1)},${y}`, `${until.toFixed(1)},${y}`);
    });
    const laneLabels = [
        ...levels.map(level => html`<rect x="0" y="${rowY(level.rank) - LANE / 2 + 3}" width="${LEFT - 12}" height="${LANE - 6}" rx="4" fill="${levelColour(level.rank, levels.length)}"/>
<text x="8" y="${rowY(level.rank) + 4}" style="fill:#fff;font-weight:700">${level.name}</text>
<line class="grid" x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${rowY(level.rank)}" y2="${rowY(level.rank)}"/>`),
        outside ? html`<text x="8" y="${rowY(undefined) + 4}">outside the scope</text>` : '',
    ];

    // Marks: greedy lanes so that no two marks and names overlap.
    const laneEnds: number[] = [];
    const marks = replay.obligations.map(o => {
        const at = o.done?.time ?? o.deadline ?? o.due;
        const cx = x(compare(at, replay.end) > 0 ? replay.end : at);
        let lane = laneEnds.findIndex(end => end < cx - 8);
        if (lane < 0) lane = laneEnds.push(0) - 1;
        const label = `${o.name}${o.party ? ` (${o.party})` : ''}`;
        laneEnds[lane] = cx + 14 + label.length * 6.2;
        const cy = plotBottom + 22 + lane * MARK_LANE;
        return mark(o, cx, cy, label, zone);
    });
    const height = plotBottom + 30 + Math.max(laneEnds.length, 1) * MARK_LANE;
    const ticks = axisTicks(replay).map(t => {
        const tx = x(t);
        return html`<line class="grid" x1="${tx.toFixed(1)}" x2="${tx.toFixed(1)}" y1="${TOP}" y2="${plotBottom}"/>
<text x="${tx.toFixed(1)}" y="${plotBottom + 12}" text-anchor="middle">${shortTime(t, zone)}</text>`;
    });
    return html`<svg class="replay" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height.toFixed(0)}" width="${WIDTH}" height="${height.toFixed(0)}" role="img" aria-label="${`The level of ${protocol.name} over the log, with its obligations`}">
<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#f3f3f3"/><line x1="0" y1="0" x2="0" y2="6" stroke="#999" stroke-width="2"/></pattern></defs>
${laneLabels}
${ticks}
<line class="axis" x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${plotBottom}" y2="${plotBottom}"/>
${bands}
<polyline class="line" points="${points.join(' ')}"/>
${replay.changes.filter(c => c.to).map(c => html`<circle cx="${x(c.time).toFixed(1)}" cy="${rowY(c.to!.rank).toFixed(1)}" r="3" fill="#1b1b1b"><title>${formatTime(c.time, zone)}: ${levelName(c.to)}</title></circle>`)}
${marks}
</svg>`;
}

function mark(o: DueObligation, cx: number, cy: number, label: string, zone: string): Html {
    const { colour, symbol, shape } = MARKS[o.status];
    const r = 8;
    const body = shape === 'circle' ? html`<circle cx="${cx.toFixed(1)}" cy="${cy.toFixed(1)}" r="${r}" fill="${colour}"/>`
        : shape === 'square' ? html`<rect x="${(cx - r).toFixed(1)}" y="${(cy - r).toFixed(1)}" width="${2 * r}" height="${2 * r}" fill="${colour}"/>`
            : shape === 'triangle' ? html`<polygon points="${`${cx.toFixed(1)},${(cy - r - 1).toFixed(1)} ${(cx + r + 1).toFixed(1)},${(cy + r).toFixed(1)} ${(cx - r - 1).toFixed(1)},${(cy + r).toFixed(1)}`}" fill="${colour}"/>`
                : html`<circle cx="${cx.toFixed(1)}" cy="${cy.toFixed(1)}" r="${r - 1}" fill="#fff" stroke="${colour}" stroke-width="2"/>`;
    const symbolFill = shape === 'ring' ? colour : '#fff';
    const by = o.deadline ? `due by ${formatTime(o.deadline, zone)}` : 'no deadline';
    return html`<g class="mark ${statusClass(o.status)}"${sourceOf(o)}><title>${`${label}: ${o.status} — ${by}; ${outcomeText(o, zone)}. ${o.action}`}</title>
${body}<text x="${cx.toFixed(1)}" y="${(cy + 4).toFixed(1)}" text-anchor="middle" class="mark-symbol" style="fill:${symbolFill}">${symbol}</text>
<text x="${(cx + 12).toFixed(1)}" y="${(cy + 4).toFixed(1)}">${label}${o.status === 'late' || o.status === 'missing' ? ` — ${o.status.toUpperCase()}` : ''}</text></g>`;
}

/** Round instants for the time axis: the largest step that gives at most eight ticks. */
function axisTicks(replay: Replay): Rational[] {
    const span = toNumber(subtract(replay.end, replay.start));
    const steps = [60, 300, 900, 1800, 3600, 7200, 21600, 43200, 86400, 172800, 604800, 2592000, 31536000];
    const step = steps.find(s => span / s <= 8) ?? 31536000 * Math.ceil(span / (8 * 31536000));
    const first = Math.ceil(toNumber(replay.start) / step) * step;
    const ticks: Rational[] = [];
    for (let t = first; t <= toNumber(replay.end) && ticks.length < 20; t += step) ticks.push({ n: BigInt(t), d: 1n });
    return ticks;
}

/** `03-05 09:00`: the month, day and time of day in the log's zone. */
function shortTime(t: Rational, zone: string): string {
    return formatTime(t, zone).slice(5, 16).replace('T', ' ');
}

/** Where an obligation's step or duty is written, for the editor to reveal it on a click. */
function sourceOf(o: DueObligation): Html {
    const source = o.step?.source ?? o.duty?.source;
    if (!source) return html``;
    const { line, character } = source.range.start;
    return html` data-uri="${source.uri}" data-line="${line + 1}" data-column="${character + 1}"`;
}

function obligationsTable(replay: Replay): Html {
    const { zone } = replay;
    if (replay.obligations.length === 0) return html`<p>No obligation was due.</p>`;
    return html`<table>
<thead><tr><th>Status</th><th>Obligation</th><th>Action</th><th>Why due</th><th>Due from</th><th>Deadline</th><th>Outcome</th></tr></thead>
<tbody>
${replay.obligations.map(o => html`<tr class="obligation" id="${`obligation-${o.id}`}"${sourceOf(o)}>
<td class="${statusClass(o.status)}">${STATUS_MARK[o.status]}</td>
<td>${o.name}${o.party ? ` (${o.party})` : ''}${(o.step?.citation ?? o.duty?.citation) ? html`<br><small>${o.step?.citation ?? o.duty?.citation}</small>` : ''}</td>
<td>${o.action}<br><small>${timingWords(o)}</small></td>
<td>${reasonText(o)}</td>
<td class="time">${formatTime(o.due, zone)}</td>
<td class="time">${o.deadline ? formatTime(o.deadline, zone) : '—'}</td>
<td>${outcomeText(o, zone)}${o.lateBy ? html`<br><small>${formatDuration(o.lateBy)}</small>` : ''}</td>
</tr>`)}
</tbody>
</table>`;
}

function timelineTable(replay: Replay): Html {
    const { zone } = replay;
    return html`<table>
<thead><tr><th>Time</th><th>What happened</th></tr></thead>
<tbody>
${timeline(replay).map(entry => html`<tr class="${entry.kind}"><td class="time">${formatTime(entry.time, zone)}</td><td${entry.status ? html` class="${statusClass(entry.status)}"` : ''}>${entry.status === 'late' || entry.status === 'missing' ? `${MARKS[entry.status].symbol} ` : ''}${entry.text}</td></tr>`)}
</tbody>
</table>`;
}
