// Text a person types must come back exactly as typed: in the OKRs tab, in the Check-ins log and in
// the sidebar. Sheets parses every string a script writes as if it were typed into the cell ("007"
// becomes 7, "TRUE" a boolean, "45%" 0.45, "2026-11-30" a date, and a leading apostrophe vanishes),
// so the add-on must write text so that Sheets keeps it as text. Runs the built add-on in the local
// runtime, which parses written strings the way Sheets does.
import fc from 'fast-check';
import { type RunResult, Runtime, Workbook } from '../../local/runtime';
import { type ActionResult, type CheckInResult, type SidebarState, TITLE_CAP } from '../../src/api';
import { capText, VIEW_NOTE_CAP, VIEW_TITLE_CAP } from '../../src/endpoints/sidebar/sidebarState';
import { oneLine } from '../../src/okr/weekly/email';
import { ensureBuilt } from '../helpers/build';
import { NOW, okrRows, teamRows } from '../unit/endpoints/sidebar/fixtures';

const LEAD = 'lead@example.com';
const ANA = 'ana@example.com';
const CHECK_IN_HEADER = ['Time', 'ID', 'By', 'Current', 'Progress', 'Confidence', 'Note'];

/** Strings Sheets would turn into something else if written as they are. */
const LOOK_ALIKES = [
  '007',
  'TRUE',
  'false',
  '45%',
  '1,200',
  '$5',
  '¥3,000',
  '1e3',
  '-5',
  '+1',
  '2026-11-30',
  '11/30/2026',
  '12:30',
  "'quoted",
  "''twice",
  '=1+1',
  '@mention',
  '1.10',
  '#N/A',
];

function ok<T>(res: RunResult): T {
  if (!res.ok) throw new Error(`${res.function} failed: ${res.error?.message}`);
  const r = res.result as { ok?: boolean; error?: string };
  if (r && r.ok === false) throw new Error(`${res.function} refused: ${r.error}`);
  return res.result as T;
}

function rowsById(rt: Runtime): Map<string, Record<string, unknown>> {
  const [header, ...rows] = rt.workbook.values('OKRs');
  return new Map(
    rows.map((r) => [String(r[0]), Object.fromEntries(header.map((h, i) => [String(h), r[i]]))]),
  );
}

async function open(): Promise<Runtime> {
  const workbook = Workbook.fromRows(
    { OKRs: okrRows(), Team: teamRows(), 'Check-ins': [CHECK_IN_HEADER] },
    { timeZone: 'UTC' },
  );
  return Runtime.open({ workbook, projectDir: ensureBuilt(), options: { now: NOW } });
}

/** What the endpoints keep of a typed text: they trim it (a deliberate normalisation) and cap it. */
function typed(max: number): fc.Arbitrary<string> {
  return fc
    .oneof(
      { weight: 2, arbitrary: fc.constantFrom(...LOOK_ALIKES) },
      { weight: 3, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }) },
    )
    .map((s) => s.trim().slice(0, max))
    .filter((s) => s !== '');
}

describe('text round trip through the built add-on', () => {
  test.each(LOOK_ALIKES)('%s written as a title, unit and note reads back identical', async (s) => {
    const rt = await open();
    const added = ok<ActionResult>(
      rt.run('addObjective', [{ title: s, cycle: s.slice(0, 40) }], { as: LEAD }),
    );
    expect(added.ok).toBe(true);
    const objective = [...rowsById(rt).values()].find((r) => r.Type === 'Objective' && r.ID === 'O3');
    expect(objective?.Title).toBe(s);
    expect(objective?.Cycle).toBe(s.slice(0, 40));

    ok(
      rt.run(
        'addKeyResult',
        [{ objectiveId: 'O1', title: s, kind: 'increase', start: 0, target: 10, unit: s.slice(0, 20) }],
        { as: LEAD },
      ),
    );
    const kr = rowsById(rt).get('O1.4');
    expect(kr?.Title).toBe(s);
    expect(kr?.Unit).toBe(s.slice(0, 20));

    ok<CheckInResult>(
      rt.run('checkIn', [{ id: 'O1.1', current: 31, confidence: 'on-track', note: s }], { as: ANA }),
    );
    expect(rowsById(rt).get('O1.1')?.Note).toBe(s);
    const log = rt.workbook.values('Check-ins').slice(1);
    expect(log[log.length - 1][1]).toBe('O1.1');
    expect(log[log.length - 1][6]).toBe(s);

    const state = ok<SidebarState>(rt.run('getSidebarState', [], { as: ANA }));
    expect(state.mine.find((k) => k.id === 'O1.1')?.note).toBe(s);

    ok<CheckInResult>(rt.run('declineOwnership', [{ id: 'O2.3', reason: s }], { as: ANA }));
    const afterDecline = rt.workbook.values('Check-ins');
    expect(afterDecline[afterDecline.length - 1].slice(1, 3)).toEqual(['O2.3', ANA]);
    // The log says who declined, then the reason as typed.
    expect(afterDecline[afterDecline.length - 1][6]).toBe(`Declined ownership (${ANA}): ${s}`);
  });

  test('any typed text (unicode and look-alikes) survives a check-in note, in the sheet, the log and the sidebar', async () => {
    const rt = await open();
    let n = 0;
    await fc.assert(
      fc.asyncProperty(typed(500), async (s) => {
        n++;
        ok<CheckInResult>(
          rt.run('checkIn', [{ id: 'O1.1', current: 30 + (n % 5), confidence: 'at-risk', note: s }], {
            as: ANA,
          }),
        );
        expect(rowsById(rt).get('O1.1')?.Note).toBe(s);
        const log = rt.workbook.values('Check-ins');
        expect(log[log.length - 1][6]).toBe(s);
        const state = ok<SidebarState>(rt.run('getSidebarState', [], { as: ANA }));
        expect(state.mine.find((k) => k.id === 'O1.1')?.note).toBe(s);
      }),
      { numRuns: 60, seed: 20261204 },
    );
  });
});

// ---- every endpoint that writes what a person typed -------------------------------------------

/** More of what people type: signs, mentions, spaces and line breaks, full-width digits, Japanese. */
const MORE_LOOK_ALIKES = [
  ...LOOK_ALIKES,
  '-1',
  '@x',
  ' 007 ',
  '  TRUE',
  'a\nb',
  'first line\r\nsecond line',
  '１２３',
  '四半期の売上を２０％伸ばす',
  '=IMPORTXML("https://example.com","//a")',
  '<b>bold</b> & "quoted"',
];

/** Whether `s` holds a control character nobody can type into a cell or a text box (line breaks and tabs can be). */
function untypable(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f) return true;
  }
  return false;
}

/**
 * What a person can type into a field of at most `max` characters: look-alikes, any grapheme
 * (fast-check's unicode strings) and any code point (full unicode). The endpoints trim what they
 * keep (a deliberate normalisation), so the text expected back is the trimmed one.
 */
function anyTyped(max: number): fc.Arbitrary<string> {
  return fc
    .oneof(
      { weight: 2, arbitrary: fc.constantFrom(...MORE_LOOK_ALIKES) },
      { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }) },
    )
    .map((s) => s.trim())
    .filter((s) => s !== '' && s.length <= max && !untypable(s));
}

/**
 * The sidebar shows text on one line (runs of whitespace, line breaks included, as one space) and
 * cuts a long title or note: what its state carries is that view of the text, decided by capText.
 */
const sidebarTitle = (s: string) => capText(s, VIEW_TITLE_CAP);
const sidebarNote = (s: string) => capText(s, VIEW_NOTE_CAP);
const sidebarUnit = (s: string) => capText(s, 20);

const RUNS = 40;

function unescapeHtml(html: string): string {
  return html
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The cell of `id`'s row under `header`, as getValues and as getDisplayValues read it. */
function cellOf(rt: Runtime, id: string, header: string): { value: unknown; display: string } {
  const values = rt.workbook.values('OKRs');
  const display = rt.workbook.displayValues('OKRs');
  const col = (values[0] as unknown[]).indexOf(header);
  const row = values.findIndex((r) => r[0] === id);
  if (col < 0 || row < 0) throw new Error(`no ${header} cell for ${id}`);
  return { value: values[row][col], display: display[row][col] };
}

function lastLogRow(rt: Runtime): { values: unknown[]; display: string[] } {
  const values = rt.workbook.values('Check-ins');
  const display = rt.workbook.displayValues('Check-ins');
  return { values: values[values.length - 1], display: display[display.length - 1] };
}

/** The owner's weekly email now (sendTestWeeklyEmail: the same rendering as the weekly run). */
function ownerEmailOf(rt: Runtime, as: string): { text: string; html: string } {
  const before = rt.outbox.length;
  ok(rt.run('sendTestWeeklyEmail', [], { as }));
  const mail = rt.outbox.slice(before).find((e) => e.to === as && !/summary|digest/i.test(e.subject));
  if (!mail) throw new Error(`no owner email for ${as}`);
  return { text: mail.body, html: unescapeHtml(mail.htmlBody ?? '') };
}

function isDate(v: unknown): boolean {
  return Object.prototype.toString.call(v) === '[object Date]';
}

describe('any typed text through every endpoint that writes it', () => {
  test('check-in note: sheet (values and display), log, sidebar; Current stays a number, the log time a date', async () => {
    const rt = await open();
    let n = 0;
    await fc.assert(
      fc.asyncProperty(anyTyped(1000), async (s) => {
        n++;
        const current = 30 + (n % 5);
        ok<CheckInResult>(
          rt.run('checkIn', [{ id: 'O1.1', current, confidence: 'on-track', note: s }], { as: ANA }),
        );
        expect(cellOf(rt, 'O1.1', 'Note')).toEqual({ value: s, display: s });
        expect(cellOf(rt, 'O1.1', 'Current').value).toBe(current);
        const log = lastLogRow(rt);
        expect([log.values[6], log.display[6]]).toEqual([s, s]);
        expect(log.values[1]).toBe('O1.1');
        expect(log.values[3]).toBe(current);
        expect(isDate(log.values[0])).toBe(true);
        const state = ok<SidebarState>(rt.run('getSidebarState', [], { as: ANA }));
        expect(state.mine.find((k) => k.id === 'O1.1')?.note).toBe(sidebarNote(s));
      }),
      { numRuns: RUNS, seed: 14_01 },
    );
  });

  test('assign then decline with a reason: the owner cell as assigned, the reason in the log as typed', async () => {
    const rt = await open();
    await fc.assert(
      fc.asyncProperty(anyTyped(500), async (s) => {
        ok<ActionResult>(rt.run('assignOwner', [{ ids: ['O2.3'], email: ANA }], { as: LEAD }));
        expect(cellOf(rt, 'O2.3', 'Owner')).toEqual({ value: ANA, display: ANA });
        ok<CheckInResult>(rt.run('declineOwnership', [{ id: 'O2.3', reason: s }], { as: ANA }));
        const log = lastLogRow(rt);
        const note = `Declined ownership (${ANA}): ${s}`;
        expect([log.values[6], log.display[6]]).toEqual([note, note]);
        expect(cellOf(rt, 'O2.3', 'Owner').value).toBe('');
      }),
      { numRuns: RUNS, seed: 14_02 },
    );
  });

  test('add objective: title and cycle in the sheet and the sidebar table; its due date stays a date', async () => {
    const rt = await open();
    let n = 2;
    await fc.assert(
      fc.asyncProperty(anyTyped(500), anyTyped(40), async (title, cycle) => {
        n++;
        const added = ok<ActionResult & { ok: true }>(
          rt.run('addObjective', [{ title, cycle, due: '2026-12-31' }], { as: LEAD }),
        );
        const id = `O${n}`;
        expect(cellOf(rt, id, 'Title')).toEqual({ value: title, display: title });
        expect(cellOf(rt, id, 'Cycle')).toEqual({ value: cycle, display: cycle });
        expect(isDate(cellOf(rt, id, 'Due').value)).toBe(true);
        const table = added.state.table;
        const at = table.id.indexOf(id);
        expect(table.title[at]).toBe(capText(title, TITLE_CAP));
      }),
      { numRuns: RUNS, seed: 14_03 },
    );
  });

  test("add key result: title and unit in the sheet, the owner's sidebar and weekly email; start and target stay numbers", async () => {
    await fc.assert(
      fc.asyncProperty(anyTyped(500), anyTyped(20), async (title, unit) => {
        // A fresh sheet each time: the email lists a few key results, and this one must be among them.
        const rt = await open();
        const n = 4;
        ok<ActionResult>(
          rt.run(
            'addKeyResult',
            [{ objectiveId: 'O1', title, owner: ANA, kind: 'increase', start: 0, target: 1200, unit }],
            { as: LEAD },
          ),
        );
        const id = `O1.${n}`;
        expect(cellOf(rt, id, 'Title')).toEqual({ value: title, display: title });
        expect(cellOf(rt, id, 'Unit')).toEqual({ value: unit, display: unit });
        expect(cellOf(rt, id, 'Start').value).toBe(0);
        expect(cellOf(rt, id, 'Target').value).toBe(1200);
        const state = ok<SidebarState>(rt.run('getSidebarState', [], { as: ANA }));
        const mine = state.mine.find((k) => k.id === id);
        expect([mine?.title, mine?.unit]).toEqual([sidebarTitle(title), sidebarUnit(unit)]);
        // The email shows each title on one line (line breaks become spaces), whole at this length.
        const email = ownerEmailOf(rt, ANA);
        expect(email.text).toContain(`${id} ${oneLine(title)}`);
        expect(email.html).toContain(oneLine(title));
      }),
      { numRuns: RUNS, seed: 14_04 },
    );
  });

  test('set-up on a sheet whose cells already hold the text keeps every cell as it was', async () => {
    await fc.assert(
      fc.asyncProperty(
        anyTyped(500),
        anyTyped(40),
        anyTyped(20),
        anyTyped(500),
        async (title, cycle, unit, note) => {
          const rows = okrRows();
          const header = rows[0] as string[];
          const kr = rows.find((r) => r[0] === 'O1.1') as unknown[];
          // Text cells, as a person types them (a leading apostrophe keeps them text in the local runtime).
          kr[header.indexOf('Title')] = `'${title}`;
          kr[header.indexOf('Cycle')] = `'${cycle}`;
          kr[header.indexOf('Unit')] = `'${unit}`;
          kr[header.indexOf('Note')] = `'${note}`;
          const workbook = Workbook.fromRows(
            { OKRs: rows, Team: teamRows(), 'Check-ins': [CHECK_IN_HEADER] },
            { timeZone: 'UTC' },
          );
          const rt = await Runtime.open({ workbook, projectDir: ensureBuilt(), options: { now: NOW } });
          const before = rt.workbook.values('OKRs');
          expect(rt.run('setUpOkrSheet', [], { as: LEAD }).ok).toBe(true);
          expect(cellOf(rt, 'O1.1', 'Title')).toEqual({ value: title, display: title });
          expect(cellOf(rt, 'O1.1', 'Cycle')).toEqual({ value: cycle, display: cycle });
          expect(cellOf(rt, 'O1.1', 'Unit')).toEqual({ value: unit, display: unit });
          expect(cellOf(rt, 'O1.1', 'Note')).toEqual({ value: note, display: note });
          expect(
            rt.workbook
              .values('OKRs')
              .slice(0, before.length)
              .map((r) => r.slice(0, header.length)),
          ).toEqual(before.map((r) => r.slice(0, header.length)));
          const state = ok<SidebarState>(rt.run('getSidebarState', [], { as: ANA }));
          const mine = state.mine.find((k) => k.id === 'O1.1');
          expect([mine?.title, mine?.unit, mine?.note]).toEqual([
            sidebarTitle(title),
            sidebarUnit(unit),
            sidebarNote(note),
          ]);
        },
      ),
      { numRuns: RUNS, seed: 14_05 },
    );
  });

  test("import of text cells: titles, unit and note as typed; the owner's sidebar and email; numbers and dates typed as text become numbers and dates", async () => {
    await fc.assert(
      fc.asyncProperty(
        anyTyped(500),
        anyTyped(500),
        anyTyped(20),
        anyTyped(500),
        fc.constantFrom(
          { typed: '$1,200', value: 1200 },
          { typed: '1,200', value: 1200 },
          { typed: '1e3', value: 1000 },
          { typed: '+40', value: 40 },
          { typed: '007', value: 7 },
        ),
        async (objective, keyResult, unit, note, target) => {
          fc.pre(
            oneLine(objective).toLowerCase() !== oneLine(keyResult).toLowerCase() &&
              ![objective, keyResult].some((t) => /^(grow revenue|arr to 2m)$/i.test(oneLine(t))),
          );
          // A first row of ordinary text: Import reads the tab's layout from its rows (a lone row
          // whose objective is "!" does not read as a table of objectives).
          const plan = [
            ['Objective', 'Key result', 'Owner', 'Start', 'Target', 'Unit', 'Due', 'Notes'],
            ['Grow revenue', 'ARR to 2M', ANA, 1, 2, 'M', '', ''],
            [
              `'${objective}`,
              `'${keyResult}`,
              ANA,
              "'0",
              `'${target.typed}`,
              `'${unit}`,
              "'2026-12-31",
              `'${note}`,
            ],
          ];
          const workbook = Workbook.fromRows(
            { Team: teamRows(), Plan: plan, 'Check-ins': [CHECK_IN_HEADER] },
            { timeZone: 'UTC' },
          );
          const rt = await Runtime.open({ workbook, projectDir: ensureBuilt(), options: { now: NOW } });
          ok(rt.run('importOkrs', [{ sheetName: 'Plan' }], { as: LEAD }));
          expect(cellOf(rt, 'O2', 'Title')).toEqual({ value: objective, display: objective });
          expect(cellOf(rt, 'O2.1', 'Title')).toEqual({ value: keyResult, display: keyResult });
          expect(cellOf(rt, 'O2.1', 'Unit')).toEqual({ value: unit, display: unit });
          expect(cellOf(rt, 'O2.1', 'Note')).toEqual({ value: note, display: note });
          expect(cellOf(rt, 'O2.1', 'Owner').value).toBe(ANA);
          expect(cellOf(rt, 'O2.1', 'Start').value).toBe(0);
          expect(cellOf(rt, 'O2.1', 'Target').value).toBe(target.value);
          expect(isDate(cellOf(rt, 'O2.1', 'Due').value)).toBe(true);
          const state = ok<SidebarState>(rt.run('getSidebarState', [], { as: ANA }));
          const mine = state.mine.find((k) => k.id === 'O2.1');
          expect([mine?.title, mine?.unit, mine?.note, mine?.objectiveTitle]).toEqual([
            sidebarTitle(keyResult),
            sidebarUnit(unit),
            sidebarNote(note),
            sidebarTitle(objective),
          ]);
        },
      ),
      { numRuns: RUNS, seed: 14_06 },
    );
  });
});
