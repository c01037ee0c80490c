// What "Set up OKR sheet" should do to each tab, decided from the tab's current values alone (pure):
// which tabs to create, which missing headers to add (to the right, never over a user's column),
// the example rows for an empty sheet, and the dropdowns, formats and conditional formats per
// column. The adapter (sheets/setUp.ts) applies the plan in a fixed number of calls.

import { choiceWord, choiceWords } from '../core/choiceWords';
import { sheetLanguage } from '../core/language';
import type { CheckInColumn, ColumnMap, Lang, OkrColumn, TeamColumn } from '../core/model';
import { asGrid, parseOkrSheet, tableLayout } from '../core/parse';
import { isBlank } from '../core/parseValues';
import { columnLetter } from '../core/problems';
import { keyResultProgress } from '../core/progress';
import {
  type AliasTable,
  CHECK_IN_ALIASES,
  CHECK_IN_COLUMN_ORDER,
  OKR_ALIASES,
  OKR_COLUMN_ORDER,
  OKR_HEADERS_JA,
  TEAM_ALIASES,
  TEAM_COLUMN_ORDER,
} from '../core/schema';
import {
  AGREEMENT_ALIASES,
  AGREEMENT_COLUMN_ORDER,
  AGREEMENT_HEADERS_JA,
  type AgreementColumn,
} from '../ownership/agreementLog';

export interface TabPlan<K extends string> {
  /** Create the tab (it does not exist). */
  create: boolean;
  /** 1-based row of the header. */
  headerRow: number;
  /** Headers to write in the header row from `startColumn` (1-based) on, one contiguous block; null = none. */
  addHeaders: { startColumn: number; headers: string[] } | null;
  /** Rows to write from `startRow` (1-based), one contiguous block starting at column 1; null = none. */
  addRows: { startRow: number; rows: unknown[][] } | null;
  /** Where each column is once the plan is applied (0-based). */
  columns: ColumnMap<K>;
  /** Number of columns of the table once the plan is applied. */
  width: number;
  /** Whether the tab has rows below the header (after the plan). */
  hasData: boolean;
  /** The language its values are written in (core/language.ts sheetLanguage of its headers). */
  valueLang?: Lang;
}

const HEADERS_JA_TEAM: Record<TeamColumn, string> = {
  name: '名前',
  email: 'メール',
  team: 'チーム',
  manager: 'マネージャー',
  role: '役割',
  language: '言語',
};
const HEADERS_JA_CHECK_INS: Record<CheckInColumn, string> = {
  time: '日時',
  id: 'ID',
  by: '記入者',
  current: '現在値',
  progress: '進捗',
  confidence: '自信度',
  note: 'メモ',
};

function headerText<K extends string>(
  column: K,
  aliases: AliasTable<K>,
  ja: Record<K, string>,
  lang: Lang,
): string {
  return lang === 'ja' ? ja[column] : aliases[column][0];
}

/** Plan a table tab: adopt the headers that are there, add the missing ones to the right. */
function planTable<K extends string>(
  values: unknown[][] | null,
  aliases: AliasTable<K>,
  order: readonly K[],
  ja: Record<K, string>,
  lang: Lang,
): TabPlan<K> {
  const grid = values ? asGrid(values) : [];
  const empty = grid.every((row) => row.every(isBlank));
  if (empty) {
    const columns: ColumnMap<K> = {};
    order.forEach((c, i) => {
      columns[c] = i;
    });
    return {
      create: values === null,
      headerRow: 1,
      addHeaders: { startColumn: 1, headers: order.map((c) => headerText(c, aliases, ja, lang)) },
      addRows: null,
      columns,
      width: order.length,
      hasData: false,
    };
  }
  const layout = tableLayout(grid, aliases);
  const columns: ColumnMap<K> = { ...layout.columns };
  // New headers go right of everything in use, so no user column (even one with a blank header) is covered.
  const used = grid.reduce((w, row) => {
    let last = row.length;
    while (last > 0 && isBlank(row[last - 1])) last--;
    return Math.max(w, last);
  }, 0);
  // A column two headers name is there, twice: set-up refuses (headerConflicts), never adds a third.
  const missing = order.filter((c) => columns[c] === undefined && layout.duplicates[c] === undefined);
  missing.forEach((c, i) => {
    columns[c] = used + i;
  });
  const hasData = grid.slice(layout.headerRow + 1).some((row) => row.some((v) => !isBlank(v)));
  return {
    create: false,
    headerRow: layout.headerRow + 1,
    addHeaders: missing.length
      ? { startColumn: used + 1, headers: missing.map((c) => headerText(c, aliases, ja, lang)) }
      : null,
    addRows: null,
    columns,
    width: used + missing.length,
    hasData,
  };
}

export interface ExampleContext {
  lang: Lang;
  /** The person running set-up; owns the example (blank when unknown). */
  userEmail: string;
  /** e.g. "2026-Q4" */
  cycle: string;
}

const EXAMPLE: Record<Lang, { objective: string; krs: [string, string, string] }> = {
  en: {
    objective: 'Example: new customers love their first week',
    krs: [
      'Raise week-1 activation from 30% to 45%',
      'Cut time to first value from 14 to 7 days',
      'Launch the new onboarding guide',
    ],
  },
  ja: {
    objective: '例：新しいお客様が最初の1週間を気に入る',
    krs: [
      '初週のアクティベーション率を30%から45%に上げる',
      '初回価値までの日数を14日から7日に縮める',
      '新しいオンボーディングガイドを公開する',
    ],
  },
};

/** Sheets shows a fraction in a percent-formatted cell: Progress cells hold progress / 100. */
export function progressCellValue(progress: number | null): number | string {
  return progress === null ? '' : Math.round(progress * 10) / 1000;
}

function exampleRows(
  columns: ColumnMap<OkrColumn>,
  width: number,
  ctx: ExampleContext & { valueLang?: Lang },
): unknown[][] {
  const text = EXAMPLE[ctx.lang];
  const rows: Array<Partial<Record<OkrColumn, unknown>>> = [
    { id: 'O1', type: 'objective', title: text.objective, owner: ctx.userEmail, cycle: ctx.cycle },
    {
      id: 'O1.1',
      type: 'key-result',
      parent: 'O1',
      title: text.krs[0],
      kind: 'increase',
      start: 30,
      target: 45,
      current: 30,
      unit: '%',
    },
    {
      id: 'O1.2',
      type: 'key-result',
      parent: 'O1',
      title: text.krs[1],
      kind: 'decrease',
      start: 14,
      target: 7,
      current: 14,
      unit: ctx.lang === 'ja' ? '日' : 'days',
    },
    {
      id: 'O1.3',
      type: 'key-result',
      parent: 'O1',
      title: text.krs[2],
      kind: 'milestone',
      start: 0,
      target: 1,
      current: 0,
    },
  ];
  // Type, Kind and Confidence in the sheet's language (choiceWords.ts), decided by the caller.
  const lang = ctx.valueLang ?? ctx.lang;
  return rows.map((r) => {
    const type = r.type as 'objective' | 'key-result';
    r.type = choiceWord('type', type, lang);
    if (type === 'key-result') {
      const kind = r.kind as 'increase' | 'decrease' | 'milestone';
      r.kind = choiceWord('kind', kind, lang);
      r.owner = ctx.userEmail;
      r.cycle = ctx.cycle;
      r.confidence = choiceWord('confidence', 'on-track', lang);
      r.progress = progressCellValue(
        keyResultProgress({
          kind,
          start: r.start as number,
          target: r.target as number,
          current: r.current as number,
        }),
      );
    }
    const out: unknown[] = new Array(width).fill('');
    for (const c of Object.keys(r) as OkrColumn[]) {
      const i = columns[c];
      if (i !== undefined) out[i] = r[c];
    }
    return out;
  });
}

export function planOkrsTab(
  values: unknown[][] | null,
  ctx: ExampleContext & { examples: boolean },
): TabPlan<OkrColumn> {
  const plan = planTable(values, OKR_ALIASES, OKR_COLUMN_ORDER, OKR_HEADERS_JA, ctx.lang);
  // The header row once the plan is applied: the headers there and those set-up adds.
  const headerRow = values ? (asGrid(values)[plan.headerRow - 1] ?? []) : [];
  plan.valueLang = sheetLanguage([...headerRow, ...(plan.addHeaders?.headers ?? [])], ctx.lang);
  if (!plan.hasData && ctx.examples) {
    plan.addRows = {
      startRow: plan.headerRow + 1,
      rows: exampleRows(plan.columns, plan.width, { ...ctx, valueLang: plan.valueLang }),
    };
    plan.hasData = true;
  }
  return plan;
}

export function planTeamTab(
  values: unknown[][] | null,
  ctx: { lang: Lang; userEmail: string },
): TabPlan<TeamColumn> {
  const plan = planTable(values, TEAM_ALIASES, TEAM_COLUMN_ORDER, HEADERS_JA_TEAM, ctx.lang);
  if (!plan.hasData && ctx.userEmail) {
    // The person setting up is the first member and the OKR lead, so the Owner dropdown is never empty.
    const row: unknown[] = new Array(plan.width).fill('');
    const put = (c: TeamColumn, v: unknown) => {
      const i = plan.columns[c];
      if (i !== undefined) row[i] = v;
    };
    put('name', ctx.userEmail.split('@')[0]);
    put('email', ctx.userEmail);
    put('role', 'Lead');
    put('language', ctx.lang);
    plan.addRows = { startRow: plan.headerRow + 1, rows: [row] };
    plan.hasData = true;
  }
  return plan;
}

export function planCheckInsTab(values: unknown[][] | null, lang: Lang): TabPlan<CheckInColumn> {
  return planTable(values, CHECK_IN_ALIASES, CHECK_IN_COLUMN_ORDER, HEADERS_JA_CHECK_INS, lang);
}

// ---- per-column rules ----

export const TYPE_CHOICES = ['Objective', 'Key result'];
export const KIND_CHOICES = ['Increase', 'Decrease', 'At least', 'At most', 'Milestone'];
export const CONFIDENCE_CHOICES = ['On track', 'At risk', 'Off track'];
export const ROLE_CHOICES = ['Member', 'Lead', 'Leadership'];
export const LANGUAGE_CHOICES = ['en', 'ja'];

export type ValidationSpec =
  | { kind: 'list'; column: number; values: string[]; allowInvalid: boolean; help: string }
  | { kind: 'date'; column: number; allowInvalid: boolean; help: string }
  /** A dropdown of the Team tab's email column (live: it follows Team). */
  | { kind: 'teamEmails'; column: number; allowInvalid: boolean; help: string };

const HELP: Record<string, Record<Lang, string>> = {
  owner: {
    en: 'One person: pick an email from the Team tab. Add people to Team first.',
    ja: '1人だけ：Teamタブのメールアドレスから選んでください。先にTeamタブに追加してください。',
  },
  type: { en: 'Objective or Key result.', ja: 'Objective（目標）または Key result（主要な結果）。' },
  kind: {
    en: 'How progress is measured: Increase, Decrease, At least, At most or Milestone.',
    ja: '進捗の測り方：Increase、Decrease、At least、At most、Milestone。',
  },
  confidence: { en: 'On track, At risk or Off track.', ja: 'On track、At risk、Off track のいずれか。' },
  date: { en: 'A date, e.g. 2026-12-31.', ja: '日付（例：2026-12-31）。' },
  role: {
    en: 'Member, Lead (manages the OKRs) or Leadership (gets the digest).',
    ja: 'Member、Lead（OKRを管理）、Leadership（ダイジェストを受信）。',
  },
  language: {
    en: 'en or ja (blank: the spreadsheet language).',
    ja: 'en または ja（空欄ならスプレッドシートの言語）。',
  },
};

/** `valueLang`: the language of the dropdowns' values (the sheet's; the help text is in `lang`). */
export function okrValidations(
  columns: ColumnMap<OkrColumn>,
  lang: Lang,
  valueLang: Lang = lang,
): ValidationSpec[] {
  const specs: ValidationSpec[] = [];
  const col = (c: OkrColumn) => columns[c];
  if (col('owner') !== undefined)
    specs.push({
      kind: 'teamEmails',
      column: col('owner') as number,
      allowInvalid: false,
      help: HELP.owner[lang],
    });
  // Type, Kind and Confidence warn instead of reject: the parser also understands "KR", "主要な結果", "green"…
  if (col('type') !== undefined)
    specs.push({
      kind: 'list',
      column: col('type') as number,
      values: valueLang === 'ja' ? choiceWords('type', 'ja') : TYPE_CHOICES,
      allowInvalid: true,
      help: HELP.type[lang],
    });
  if (col('kind') !== undefined)
    specs.push({
      kind: 'list',
      column: col('kind') as number,
      values: valueLang === 'ja' ? choiceWords('kind', 'ja') : KIND_CHOICES,
      allowInvalid: true,
      help: HELP.kind[lang],
    });
  if (col('confidence') !== undefined) {
    specs.push({
      kind: 'list',
      column: col('confidence') as number,
      values: valueLang === 'ja' ? choiceWords('confidence', 'ja') : CONFIDENCE_CHOICES,
      allowInvalid: true,
      help: HELP.confidence[lang],
    });
  }
  for (const c of ['accepted', 'lastCheckIn', 'due'] as OkrColumn[]) {
    if (col(c) !== undefined)
      specs.push({ kind: 'date', column: col(c) as number, allowInvalid: false, help: HELP.date[lang] });
  }
  return specs;
}

export function teamValidations(columns: ColumnMap<TeamColumn>, lang: Lang): ValidationSpec[] {
  const specs: ValidationSpec[] = [];
  if (columns.role !== undefined)
    specs.push({
      kind: 'list',
      column: columns.role,
      values: ROLE_CHOICES,
      allowInvalid: true,
      help: HELP.role[lang],
    });
  if (columns.language !== undefined) {
    specs.push({
      kind: 'list',
      column: columns.language,
      values: LANGUAGE_CHOICES,
      allowInvalid: true,
      help: HELP.language[lang],
    });
  }
  return specs;
}

/** Number formats per column (0-based index → pattern). */
export function okrFormats(columns: ColumnMap<OkrColumn>): Array<{ column: number; format: string }> {
  const out: Array<{ column: number; format: string }> = [];
  if (columns.progress !== undefined) out.push({ column: columns.progress, format: '0%' });
  for (const c of ['accepted', 'lastCheckIn', 'due'] as OkrColumn[]) {
    const i = columns[c];
    if (i !== undefined) out.push({ column: i, format: 'yyyy-mm-dd' });
  }
  return out;
}

export function checkInFormats(columns: ColumnMap<CheckInColumn>): Array<{ column: number; format: string }> {
  const out: Array<{ column: number; format: string }> = [];
  if (columns.time !== undefined) out.push({ column: columns.time, format: 'yyyy-mm-dd hh:mm' });
  if (columns.progress !== undefined) out.push({ column: columns.progress, format: '0%' });
  return out;
}

/** Marks the add-on's own conditional-format rules, so set-up replaces them and keeps the user's. */
export const RULE_MARK = 'N("okr-owners")=0';

export interface ConditionalSpec {
  /** 0-based first and last column of the range the rule covers (rows: first data row to the end). */
  fromColumn: number;
  toColumn: number;
  formula: string;
  background: string;
  bold?: boolean;
  fontColor?: string;
}

/**
 * Conditional formats that make ownership problems visible as people type: a blank owner on a key
 * result row, an owner who is not on the Team tab (this also catches "a, b"), and objective rows.
 * Conditional-format formulas cannot reference another tab directly, hence INDIRECT.
 * https://support.google.com/docs/answer/78413 (conditional formatting, custom formulas)
 */
export function okrConditionalFormats(
  columns: ColumnMap<OkrColumn>,
  width: number,
  headerRow: number,
  team: { sheetName: string; emailColumn: number | undefined },
): ConditionalSpec[] {
  const first = headerRow + 1;
  const ref = (c: OkrColumn) =>
    columns[c] === undefined ? null : `$${columnLetter(columns[c] as number)}${first}`;
  const type = ref('type');
  const parent = ref('parent');
  const owner = ref('owner');
  const specs: ConditionalSpec[] = [];
  const isKr = type
    ? `OR(REGEXMATCH(LOWER(TRIM(${type})),"^(kr|key ?results?|主要な結果|成果指標)$")${parent ? `,AND(LEN(TRIM(${type}))=0,LEN(TRIM(${parent}))>0)` : ''})`
    : parent
      ? `LEN(TRIM(${parent}))>0`
      : null;
  if (owner && isKr && columns.owner !== undefined) {
    specs.push({
      fromColumn: columns.owner,
      toColumn: columns.owner,
      formula: `=AND(${isKr},LEN(TRIM(${owner}))=0,${RULE_MARK})`,
      background: '#fce8e6',
    });
  }
  if (owner && team.emailColumn !== undefined && columns.owner !== undefined) {
    const emails = `INDIRECT("'${team.sheetName.replace(/'/g, "''")}'!${columnLetter(team.emailColumn)}:${columnLetter(team.emailColumn)}")`;
    specs.push({
      fromColumn: columns.owner,
      toColumn: columns.owner,
      formula: `=AND(LEN(TRIM(${owner}))>0,COUNTIF(${emails},TRIM(${owner}))=0,${RULE_MARK})`,
      background: '#f4c7c3',
      fontColor: '#a50e0e',
    });
  }
  if (type) {
    specs.push({
      fromColumn: 0,
      toColumn: Math.max(0, width - 1),
      formula: `=AND(REGEXMATCH(LOWER(TRIM(${type})),"^(objective|o|目標)$"),${RULE_MARK})`,
      background: '#e8f0fe',
      bold: true,
    });
  }
  return specs;
}

/** Columns the add-on computes: people may look but should not type there (warning-only protection). */
export const COMPUTED_OKR_COLUMNS: readonly OkrColumn[] = ['progress'];

export const HEADER_STYLE = { background: '#f1f3f4', fontWeight: 'bold' as const };
export const PROTECTION_NOTE = 'OKR Owners: computed by the add-on';

/**
 * When set-up adds the Progress column to a table that already has key results, the new column is
 * filled in (it is new, so nothing a person typed is overwritten): one value per row below the
 * header, down to the last row of the values. null when there is nothing to fill.
 */
export function initialProgressColumn(
  values: unknown[][] | null,
  plan: TabPlan<OkrColumn>,
  timeZone: string,
): { startRow: number; values: unknown[][] } | null {
  const column = plan.columns.progress;
  if (!values || column === undefined || !plan.addHeaders || !plan.hasData) return null;
  const added = column + 1 >= plan.addHeaders.startColumn;
  if (!added) return null;
  const grid = asGrid(values);
  const sheet = parseOkrSheet(grid, { sheetName: 'OKRs', timeZone, lang: 'en' });
  const byRow = new Map(sheet.keyResults.map((kr) => [kr.row, kr.progress]));
  const out: unknown[][] = [];
  for (let row = plan.headerRow + 1; row <= grid.length; row++) {
    const progress = byRow.get(row);
    out.push([progress === undefined ? '' : progressCellValue(progress)]);
  }
  return out.length && sheet.keyResults.length ? { startRow: plan.headerRow + 1, values: out } : null;
}

/** The Agreements log (src/okr/ownership/agreementLog.ts): its headers, in the sheet's language. */
export function planAgreementsTab(values: unknown[][] | null, lang: Lang): TabPlan<AgreementColumn> {
  return planTable(values, AGREEMENT_ALIASES, AGREEMENT_COLUMN_ORDER, AGREEMENT_HEADERS_JA, lang);
}
