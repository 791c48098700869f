// Synthetic protocols for the benchmark, shaped like large generated annexes: for each sector and
// platform (`one of` indicators), a track of rules escalates level by level on one measured indicator,
// narrowed by tests on indicators of every type; the odd `or`, `not` and `between` brings the defects
// real drafts have, and a few red lines hold everywhere. Deterministic: the same options give the same text.

export interface GeneratorOptions {
    /** Thresholds and red lines in all. */
    readonly rules: number;
    /** Indicators in all, the sector included (5–30). */
    readonly indicators: number;
    readonly seed?: number;
}

const LEVELS = ['Routine', 'Watch', 'Concern', 'Alert', 'Crisis'] as const;
/** Tracks per sector, as generated annexes split their rules by area. */
const TRACKS_PER_SECTOR = 12;
const PLATFORMS = ['Frigate', 'Destroyer', 'Submarine', 'Patrol', 'Aircraft', 'Helicopter', 'Drone', 'Auxiliary'];

/** The rules of one sector and platform, escalating level by level on one measured indicator. */
interface Track {
    readonly sector: string;
    readonly platform: string;
    readonly main: IndicatorSpec;
}

type Kind = 'distance' | 'speed' | 'duration' | 'count' | 'percent' | 'flag' | 'scale' | 'choice';

interface IndicatorSpec {
    readonly name: string;
    readonly kind: Kind;
    readonly unit?: string;
    /** Per level above the baseline, the values a rule of that level tests against (tighter with severity). */
    readonly steps?: readonly (readonly number[])[];
    readonly members?: readonly string[];
    readonly tentative?: boolean;
}

// The indicators drawn on after the sector, in turn: every type, with worse-when directions.
const KINDS: readonly Omit<IndicatorSpec, 'name'>[] = [
    { kind: 'distance', unit: 'nm', steps: [[20, 15, 12], [10, 8, 6], [5, 4, 3], [2, 1.5, 1]] },
    { kind: 'flag' },
    { kind: 'speed', unit: 'kn', steps: [[10, 12, 15], [20, 25], [30, 35], [40, 50]] },
    { kind: 'scale', members: ['Calm', 'Exercise', 'Deployment', 'Hostile'] },
    { kind: 'duration', unit: 'min', steps: [[5, 10], [15, 20, 30], [45, 60], [90, 120]], tentative: true },
    { kind: 'count', steps: [[1, 2], [3, 4], [5, 6, 8], [10, 12]] },
    { kind: 'percent', unit: '%', steps: [[10, 15], [20, 25, 30], [40, 50], [60, 75]] },
    { kind: 'choice', members: ['Surface', 'Subsurface', 'Air', 'Unmanned'] },
];

/** A small, fast, seeded generator (mulberry32). */
function random(seed: number): () => number {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

export function generateProtocol(options: GeneratorOptions): string {
    const next = random(options.seed ?? 1);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
    const chance = (p: number) => next() < p;
    const sectors = Array.from({ length: Math.max(2, Math.ceil(options.rules / (3.3 * TRACKS_PER_SECTOR))) }, (_, i) => `S${i + 1}`);
    const platform: IndicatorSpec = { name: 'platform', kind: 'choice', members: PLATFORMS };
    const contact: IndicatorSpec = { name: 'contact', kind: 'flag' };
    const indicators: IndicatorSpec[] = [platform, contact, ...Array.from({ length: Math.max(5, options.indicators) - 3 }, (_, i) => {
        const spec = KINDS[i % KINDS.length];
        return { ...spec, name: `${spec.kind}${Math.floor(i / KINDS.length) + 1}` };
    })];
    const [, , distance, flag] = indicators;
    const lines: string[] = [];
    const out = (line = '') => lines.push(line);

    out(`// Synthetic protocol: ${options.rules} rules over ${indicators.length + 1} indicators in ${sectors.length} sectors (seed ${options.seed ?? 1}).`);
    out('party Aland "Republic of Aland" {');
    out('    organ MoD "Ministry of Defence" authorizes force, disclosure');
    out('    organ MFA "Ministry of Foreign Affairs" authorizes disclosure');
    out('    organ Ops "Operations Command"');
    out('}');
    out('party Borea "Federation of Borea" {');
    out('    organ MoD "Ministry of Defence" authorizes force, disclosure');
    out('    organ MFA "Ministry of Foreign Affairs" authorizes disclosure');
    out('    organ Ops "Operations Command"');
    out('}');
    out('channel Hotline "Defence hotline" links Aland.MoD, Borea.MoD latency 5 min fallback Notes');
    out('channel Notes "Diplomatic notes" links Aland.MFA, Borea.MFA latency 24 h');
    out('channel OpsLink "Operations link" links Aland.Ops, Borea.Ops latency 1 min fallback Hotline');
    out();
    out('protocol Synthetic "Synthetic regional agreement, generated annex" {');
    out('    version "1.0"');
    out('    mediator Centre "Conflict Prevention Centre"');
    out(`    indicator sector "Area of the encounter" : one of ${sectors.join(', ')}`);
    for (const indicator of indicators) out(`    indicator ${indicator.name} "${indicator.kind} indicator" : ${typeOf(indicator)}`);
    out('    ladder {');
    for (const level of LEVELS) out(`        ${level} "${level} level"`);
    out('    }');

    const measured = indicators.filter(i => i.steps);
    const value = (indicator: IndicatorSpec, rank: number) => `${pick(indicator.steps![rank - 1])}${indicator.unit ? ` ${indicator.unit}` : ''}`;
    // Tests that make a rule narrower without breaking the ladder's monotony; now and then a defect.
    const extra = (indicator: IndicatorSpec, rank: number): string => {
        switch (indicator.kind) {
            case 'flag': return chance(0.05) ? `not ${indicator.name}` : indicator.name;
            case 'scale': return `${indicator.name} >= ${indicator.members![Math.min(rank - 1, indicator.members!.length - 1)]}`;
            case 'choice': return chance(0.5)
                ? `${indicator.name} = ${pick(indicator.members!)}`
                : `${indicator.name} in {${indicator.members!.slice(0, 2).join(', ')}}`;
            case 'distance': return chance(0.1) && rank < LEVELS.length - 1
                ? `${indicator.name} between ${value(indicator, rank + 1)} and ${value(indicator, rank)}`
                : `${indicator.name} < ${value(indicator, rank)}`;
            default: return `${indicator.name} > ${value(indicator, rank)}`;
        }
    };
    const main = (indicator: IndicatorSpec, rank: number) =>
        `${indicator.name} ${indicator.kind === 'distance' ? '<' : '>'} ${value(indicator, rank)}`;
    const body = (track: Track, rank: number): string => {
        const candidates = indicators.filter(i => i !== platform && i !== contact);
        const chosen = new Set<IndicatorSpec>([track.main]);
        const size = Math.min(1 + Math.floor(next() * 3), candidates.length);
        while (chosen.size < size) chosen.add(pick(candidates));
        const tests = [...chosen].map(indicator => indicator === track.main ? main(indicator, rank) : extra(indicator, rank));
        const joined = tests.length >= 2 && chance(0.1) ? [`(${tests[0]} or ${tests[1]})`, ...tests.slice(2)] : tests;
        return [contact.name, `sector = ${track.sector}`, `${platform.name} = ${track.platform}`, ...joined].join(' and ');
    };

    out();
    let emitted = 0;
    const rule = (rank: number, condition: string) => {
        const citation = `"Art. ${Math.floor(emitted / 10) + 1}(${(emitted % 10) + 1})"`;
        emitted++;
        if (rank === LEVELS.length - 1) {
            out(`    redline R${emitted} ${citation}: ${condition} -> ${LEVELS[rank]} {`);
            out('        consequence "Suspension of exercises in the sector for 30 days"');
            out('        disclosure public');
            out('    }');
        } else {
            out(`    threshold T${emitted} ${citation}: ${condition} -> ${LEVELS[rank]}`);
        }
    };
    for (let t = 0; emitted < options.rules; t++) {
        // A few red lines hold over every sector and platform: one in five hundred rules.
        if (t % 150 === 75) {
            rule(LEVELS.length - 1, `${contact.name} and ${flag.name} and ${distance.name} < ${pick([0.5, 1])} nm`);
            continue;
        }
        const track: Track = {
            sector: sectors[Math.floor(t / TRACKS_PER_SECTOR) % sectors.length],
            platform: platform.members![t % platform.members!.length],
            main: measured[t % measured.length],
        };
        for (let rank = 1; rank < LEVELS.length && emitted < options.rules; rank++) {
            if (rank < LEVELS.length - 1 || chance(0.3)) rule(rank, body(track, rank));
        }
    }

    out();
    out('    response Watch within 4 h {');
    out('        step log: Aland.Ops notifies Borea.Ops via OpsLink within 1 h');
    out('    }');
    out('    response Concern within 2 h {');
    out('        step inform: Aland.Ops notifies Borea.Ops via OpsLink within 30 min');
    out('        step answer: Borea.Ops acknowledges Aland.Ops via OpsLink within 30 min after inform');
    out('    }');
    out('    response Alert within 5 d {');
    out('        step call: Aland.MoD notifies Borea.MoD via Hotline within 15 min');
    out('        step reply: Borea.MoD notifies Aland.MoD via Hotline within 15 min after call');
    out('        step verify: Centre verifies within 24 h after call');
    out('        step mediate: Centre mediates within 72 h after verify if unresolved');
    out('    }');
    out('    response Crisis within 4 h {');
    out('        step call: Aland.MoD notifies Borea.MoD via Hotline within 5 min');
    out('        step reply: Borea.MoD acknowledges Aland.MoD via Hotline within 10 min after call');
    out('        step check: Centre verifies within 1 h after call');
    out('        step intercept: Aland.Ops intercepts within 1 h after check authorized by Aland.MoD cites "UN Charter, Art. 51"');
    out('    }');
    out();
    // Every rule needs contact between the forces: once it is lost, the situation steps down.
    out(`    deescalate Crisis to Alert when not ${contact.name} for 30 min`);
    out(`    deescalate Alert to Concern when not ${contact.name} for 1 h`);
    out(`    deescalate Concern to Watch when not ${contact.name} for 2 h`);
    out(`    deescalate Watch to Routine when not ${contact.name} for 6 h`);
    out();
    out('    scenario "Without contact, nothing escalates" {');
    out(`        given ${contact.name} = false`);
    out('        expect Routine');
    out('    }');
    for (let i = 0; i < Math.max(2, Math.ceil(options.rules / 50)); i++) {
        const sector = sectors[i % sectors.length];
        out(`    scenario "Sector ${sector}, case ${i + 1}" {`);
        out(`        given ${contact.name}, sector = ${sector}, ${flag.name} = ${chance(0.5)}, ${distance.name} = ${pick([0.5, 3, 7, 30])} nm`);
        out(`        expect ${chance(0.5) ? 'at least Routine' : 'at most Crisis'}`);
        out('    }');
    }
    out('}');
    return lines.join('\n') + '\n';
}

function typeOf(indicator: IndicatorSpec): string {
    const tentative = indicator.tentative ? ' tentative' : '';
    switch (indicator.kind) {
        case 'flag': return 'flag';
        case 'scale': return `scale ${indicator.members!.join(' < ')}`;
        case 'choice': return `one of ${indicator.members!.join(', ')}`;
        case 'distance': return `distance in ${indicator.unit} worse when lower${tentative}`;
        case 'count': return `count worse when higher${tentative}`;
        case 'percent': return `percent worse when higher${tentative}`;
        default: return `${indicator.kind} in ${indicator.unit} worse when higher${tentative}`;
    }
}
