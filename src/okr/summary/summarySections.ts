// The cells of each section of the Summary tab, one function per section, in the order the tab
// shows them: header, headline, objectives, needs attention, owners, teams (or the empty notice).
import type { AttentionReason, Band, SummaryModel } from './summary';
import {
  BAND_COLORS,
  BLANK,
  band,
  block,
  columns,
  formatInZone,
  type GridBlock,
  NOTICE_BG,
  num,
  OWNS_CAP,
  POINTS,
  pct,
  progressBar,
  type Row,
  SCORE,
  SECTION_BG,
  sheetText,
  TITLE_BG,
  text,
} from './summaryCells';
import type { SummaryMessageKey } from './summaryMessages';

type Block = Omit<GridBlock, 'startRow'>;

/** The tab's words in its language, each label filled in once (thousands of rows repeat them). */
export interface GridText {
  m: (key: SummaryMessageKey, params?: Record<string, string | number>) => string;
  bandLabel: (band: Band) => string;
  reasonLabel: (reason: AttentionReason) => string;
  timeZone: string;
}

export function headerBlock(model: SummaryModel, { m, timeZone }: GridText): Block {
  return block('header', [
    band(m('title'), TITLE_BG),
    [{ value: sheetText(m('generatedNotice')), bg: NOTICE_BG }],
    [
      { value: m('generatedAt'), bold: true },
      text(`${formatInZone(model.generatedAt, timeZone, true)} (${timeZone})`),
    ],
    [
      { value: m('cycle'), bold: true },
      text(model.cycles.length ? cycleName(model) : m('noCycle')),
      cycleNote(model, m),
    ],
    ...(model.cycle.others.length
      ? [
          [
            { value: m('otherCycles'), bold: true },
            text(model.cycle.others.join(', ')),
            text(m('otherCyclesHint')),
          ],
        ]
      : []),
    BLANK,
  ]);
}

/** The cycle the tab shows, by name (every cycle of the items shown when no cycle is a date). */
function cycleName(model: SummaryModel): string {
  return model.cycle.shown ?? model.cycles.join(', ');
}

/** Why this cycle: the current one, or a Lead's choice; and the longer cycles shown with it. */
function cycleNote(model: SummaryModel, m: GridText['m']): Row[number] {
  const { shown, chosen } = model.cycle;
  if (shown === null) return { value: '' };
  const also = model.cycles.filter((c) => c !== shown);
  const why = m(chosen ? 'cycleChosen' : 'cycleCurrent');
  return text(
    also.length ? `${why} ${m('cycleAlso', { cycles: also.join(', '), count: also.length })}` : why,
  );
}

export function emptyBlock({ m }: GridText): Block {
  return block('empty', [[{ value: sheetText(m('empty')), bold: true, bg: NOTICE_BG }]]);
}

export function headlineBlock(model: SummaryModel, { m }: GridText): Block {
  const h = model.headline;
  return block('headline', [
    band(m('headline'), SECTION_BG),
    columns([
      m('hObjectives'),
      m('hKeyResults'),
      m('hAverage'),
      m('hOnTrack'),
      m('hAtRisk'),
      m('hOffTrack'),
      m('hNoConfidence'),
      m('hStale'),
      m('hPending'),
      m('hGaps'),
      m('hBehindPace'),
    ]),
    [
      num(h.objectives),
      num(h.keyResults),
      pct(h.averageProgress),
      num(h.onTrack),
      num(h.atRisk),
      num(h.offTrack),
      num(h.noConfidence),
      num(h.stale),
      num(h.pending),
      num(h.ownershipGaps),
      num(model.behindPace),
    ].map((c) => ({ ...c, bold: true })),
    BLANK,
  ]);
}

export function objectivesBlock(model: SummaryModel, { m, bandLabel }: GridText): Block {
  const rows: Row[] = model.objectives.length
    ? model.objectives.map((o) => [
        text(o.id),
        text(o.title),
        pct(o.progress),
        { value: progressBar(o.progress) },
        num(o.score, SCORE),
        o.band ? { value: bandLabel(o.band), bg: BAND_COLORS[o.band] } : { value: '' },
        text(o.owner),
        num(o.keyResults),
        num(o.atRisk),
        num(o.change, POINTS),
        num(o.behindPace),
        // Trend: blank here, its SPARKLINE is put in at the write (summaryTrend.ts).
        { value: '' },
      ])
    : [[{ value: m('noObjectives') }]];
  return block('objectives', [
    band(m('objectives'), SECTION_BG),
    columns([
      m('cId'),
      m('cObjective'),
      m('cProgress'),
      m('cBar'),
      m('cScore'),
      m('cStatus'),
      m('cOwner'),
      m('cKeyResults'),
      m('cAtRisk'),
      m('cChange'),
      m('cBehindPace'),
      m('cTrend'),
    ]),
    ...rows,
    BLANK,
  ]);
}

export function attentionBlock(model: SummaryModel, { m, reasonLabel }: GridText): Block {
  const rows: Row[] = model.attention.length
    ? model.attention.map((a) => [
        { value: reasonLabel(a.reason) },
        text(a.id),
        text(a.title),
        text(a.owner),
        a.row > 0 ? num(a.row) : { value: '' },
        text(a.cell ?? ''),
        pct(a.progress),
        num(a.days),
        text(a.detail),
        text(a.pace ? m(a.pace.behind ? 'paceBehind' : 'paceExpected', { n: a.pace.expected }) : ''),
      ])
    : [[{ value: m('noAttention') }]];
  // The lines past the cap, counted, and where every one is listed.
  if (model.attentionMore > 0)
    rows.push([text(m('attentionMore', { count: model.attentionMore.toLocaleString('en-US') }))]);
  return block('attention', [
    band(m('attention'), SECTION_BG),
    columns([
      m('cWhat'),
      m('cId'),
      m('cTitle'),
      m('cOwner'),
      m('cRow'),
      m('cCell'),
      m('cProgress'),
      m('cDays'),
      m('cDetail'),
      m('cPace'),
    ]),
    ...rows,
    BLANK,
  ]);
}

export function ownersBlock(model: SummaryModel, { m, timeZone }: GridText): Block {
  const notInTeam = m('notInTeam');
  const overloaded = m('overloaded', { limit: model.overloadLimit });
  const owns = (ids: string[]) => {
    const shown = ids.slice(0, OWNS_CAP).join(', ');
    return ids.length > OWNS_CAP ? `${shown} ${m('more', { count: ids.length - OWNS_CAP })}` : shown;
  };
  const rows: Row[] = model.owners.length
    ? model.owners.map((o) => [
        text(o.inTeam ? o.name : `${o.name} ${notInTeam}`),
        text(o.email),
        text(o.team),
        num(o.objectiveIds.length),
        num(o.keyResultIds.length),
        text(owns([...o.objectiveIds, ...o.keyResultIds].filter(Boolean))),
        pct(o.averageProgress),
        text(o.lastCheckIn === null ? '' : formatInZone(o.lastCheckIn, timeZone)),
        num(o.stale),
        num(o.pending),
        num(o.atRisk),
        o.overloaded ? { value: overloaded, bg: BAND_COLORS.red, bold: true } : { value: '' },
      ])
    : [[{ value: m('noOwners') }]];
  return block('owners', [
    band(m('owners'), SECTION_BG),
    columns([
      m('cName'),
      m('cEmail'),
      m('cTeam'),
      m('cObjectives'),
      m('cKeyResults'),
      m('cOwns'),
      m('cAverage'),
      m('cLastCheckIn'),
      m('cStale'),
      m('cPending'),
      m('cAtRisk'),
      m('cOverloaded'),
    ]),
    ...rows,
    BLANK,
  ]);
}

export function teamsBlock(model: SummaryModel, { m }: GridText): Block {
  return block('teams', [
    band(m('teams'), SECTION_BG),
    columns([
      m('cTeam'),
      m('cObjectives'),
      m('cKeyResults'),
      m('cOwners'),
      m('cAverage'),
      m('cOnTrack'),
      m('cAtRisk'),
      m('cOffTrack'),
      m('cStale'),
      m('cPending'),
      m('cGaps'),
    ]),
    ...model.teams.map((tm) => [
      text(tm.team || m('noTeam')),
      num(tm.objectives),
      num(tm.keyResults),
      num(tm.owners),
      pct(tm.averageProgress),
      num(tm.onTrack),
      num(tm.atRisk),
      num(tm.offTrack),
      num(tm.stale),
      num(tm.pending),
      num(tm.ownershipGaps),
    ]),
  ]);
}
