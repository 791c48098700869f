// `detente replay --format text`: the timeline a duty officer reads, then every obligation with its
// status, then the verdict. Each line is made printable, so no protocol text or log value can break it.
import { formatDuration } from '../analysis/deadlines.js';
import { subtract } from '../model/rational.js';
import type { Replay, Status } from '../replay/replay.js';
import { formatTime } from '../replay/time.js';
import { printable } from './printable.js';
import { outcomeText, timeline, verdictText } from './replay-timeline.js';

/** A mark and a word for each status: never colour alone. */
export const STATUS_MARK: Readonly<Record<Status, string>> = {
    'on time': '✓ on time',
    'late': '✗ LATE',
    'missing': '✗ MISSING',
    'pending': '… pending',
    'not required': '– not required',
};

export function replayText(replay: Replay, logName: string): string {
    const { protocol, zone } = replay;
    const lines: string[] = [];
    lines.push(`${protocol.name}: replay of ${logName}, ${replay.records.length} record${replay.records.length === 1 ? '' : 's'} from ${formatTime(replay.start, zone)} to ${formatTime(replay.end, zone)} (${formatDuration(subtract(replay.end, replay.start))}; times in ${zone})`);
    lines.push('');
    lines.push('Timeline');
    const entries = timeline(replay);
    let previous: string | undefined;
    for (const entry of entries) {
        const time = formatTime(entry.time, zone);
        const shown = time === previous ? ' '.repeat(time.length) : time;
        previous = time;
        const indent = entry.kind === 'due' || entry.kind === 'missed' ? '    ' : '';
        lines.push(`  ${shown}  ${indent}${entry.text}`);
    }
    lines.push('');
    lines.push('Obligations');
    if (replay.obligations.length === 0) lines.push('  none was due');
    const markWidth = Math.max(...Object.values(STATUS_MARK).map(m => m.length));
    const nameWidth = Math.max(0, ...replay.obligations.map(o => `${o.name}${o.party ? ` (${o.party})` : ''}`.length));
    for (const o of replay.obligations) {
        const name = `${o.name}${o.party ? ` (${o.party})` : ''}`;
        const by = o.deadline ? `due by ${formatTime(o.deadline, zone)}` : 'no deadline';
        lines.push(`  ${STATUS_MARK[o.status].padEnd(markWidth)}  ${name.padEnd(nameWidth)}  ${by}; ${outcomeText(o, zone)}  — ${o.action}`);
    }
    lines.push('');
    lines.push(verdictText(replay));
    return lines.map(printable).join('\n') + '\n';
}
