// Import in two steps. previewImport reads the tab (and the OKRs and Team tabs) and answers what
// would be written: objectives, key results with owners, targets and kinds, skipped rows and why,
// doubts, the people to add to Team, the team's tabs that must be renamed first. Nothing is written.
// confirmImport reads everything again under the document lock and writes exactly that, or refuses
// when the tabs changed since the preview (its fingerprint) or a rename was not confirmed. Both for
// those who may manage (as set-up), validated, JSON-safe.
import type { ImportConfirmRequest, ImportConfirmResult, ImportPreviewResult } from '../api';
import {
  applyImport,
  type ImportOptions,
  type ImportReading,
  readImport,
  readTeamOnce,
} from '../gas/importTab';
import { BusyError, withDocumentLock } from '../gas/lock';
import { STAGING_SHEET } from '../gas/replaceSheetContent';
import { todaysQuarter } from '../okr/core/cycle';
import { type MessageTable, t } from '../okr/core/i18n';
import type { Lang } from '../okr/core/model';
import { importPreview } from '../okr/setup/import/preview';
import { COLLISION_MESSAGES as COLLISION_TEXT } from '../okr/setup/import/tabCollisions';
import { type Context, context } from './context';
import { SHEET_TEXT, structureRefusal } from './sheetMessages';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const MESSAGES: MessageTable<
  'source-changed' | 'tabs-changed' | 'fingerprint' | 'renames' | 'no-tab' | 'team-added' | 'renamed'
> = {
  'source-changed': {
    en: 'The tab "{tab}" changed since the preview, so nothing was imported. Look at the new preview and confirm again.',
    ja: 'プレビューの後に「{tab}」タブが変更されたため、何も取り込みませんでした。新しいプレビューを確認して、もう一度確定してください。',
  },
  'tabs-changed': {
    en: 'The OKRs or Team tab changed since the preview, so nothing was imported. Look at the new preview and confirm again.',
    ja: 'プレビューの後にOKRsタブまたはTeamタブが変更されたため、何も取り込みませんでした。新しいプレビューを確認して、もう一度確定してください。',
  },
  fingerprint: {
    en: 'fingerprint must be the one the preview answered (letters, digits and a dot). Open the preview again.',
    ja: 'fingerprint にはプレビューが返した値（英数字とドット）を指定してください。プレビューを開き直してください。',
  },
  renames: {
    en: 'renames must be a list of { from, to } tab names (at most 3), as the preview offered them.',
    ja: 'renames には、プレビューが示した { from, to }（タブ名、3件まで）の一覧を指定してください。',
  },
  'no-tab': {
    en: 'Choose the tab that holds your OKR list.',
    ja: 'OKRの一覧があるタブを選んでください。',
  },
  'team-added': {
    en: 'Added {count} {count|person|people} to the Team tab.',
    ja: 'Teamタブに{count}人を追加しました。',
  },
  renamed: {
    en: 'Renamed your tab "{from}" to "{to}".',
    ja: 'お使いの「{from}」タブを「{to}」に名前変更しました。',
  },
};

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isTabName = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '' && v.length <= 100;

function options(ss: Spreadsheet, ctx: Context): ImportOptions {
  return {
    lang: ctx.lang,
    userEmail: ctx.email,
    cycle: todaysQuarter(ss.getSpreadsheetTimeZone() || 'Etc/GMT', ctx.now),
  };
}

/** Reads as a Lead may: Team once (who may, who is on it), then the tabs. */
function readAsLead(
  ss: Spreadsheet,
  ctx: Context,
  sheetName: string,
): ImportReading | { ok: false; error: string; field?: string } {
  const team = readTeamOnce(ss, ctx.lang);
  const refusal = structureRefusal(ctx.email, team.people, ctx.lang, 'import');
  if (refusal) return { ok: false, error: refusal };
  return readImport(ss, sheetName, team, options(ss, ctx));
}

export function previewImport(req: unknown): ImportPreviewResult {
  const ctx = context();
  const { lang } = ctx;
  if (req !== undefined && !isObject(req)) {
    return { ok: false, error: t(SHEET_TEXT, lang, 'not-object', { example: '{ sheetName: "My OKRs" }' }) };
  }
  const raw = req?.sheetName;
  if (raw !== undefined && !isTabName(raw)) {
    return { ok: false, error: t(SHEET_TEXT, lang, 'sheet-name'), field: 'sheetName' };
  }
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const sheetName = raw ?? ss.getActiveSheet().getName();
  const reading = readAsLead(ss, ctx, sheetName);
  // The tabs to choose from: every tab but the one shown and the Summary's hidden staging sheet
  // (names only: one listing of the sheets).
  const tabs = ss
    .getSheets()
    .map((s) => s.getName())
    .filter((n) => n !== sheetName && n !== STAGING_SHEET);
  if (!reading.ok) return { ...reading, tabs, sheetName };
  const preview = importPreview(reading.plan, reading.people, {
    sheetName,
    fingerprint: reading.fingerprint,
    setUp: reading.setUp,
    collisions: reading.collisions,
  });
  return { ...preview, tabs };
}

function parseConfirm(
  req: unknown,
  lang: Lang,
): ImportConfirmRequest | { ok: false; error: string; field: string } {
  if (!isObject(req)) {
    return {
      ok: false,
      error: t(SHEET_TEXT, lang, 'not-object', { example: '{ sheetName: "My OKRs", fingerprint: "…" }' }),
      field: 'sheetName',
    };
  }
  if (!isTabName(req.sheetName))
    return { ok: false, error: t(SHEET_TEXT, lang, 'sheet-name'), field: 'sheetName' };
  const fp = req.fingerprint;
  if (typeof fp !== 'string' || !/^[a-z0-9]{1,20}\.[a-z0-9]{1,20}$/.test(fp)) {
    return { ok: false, error: t(MESSAGES, lang, 'fingerprint'), field: 'fingerprint' };
  }
  const renames = req.renames ?? [];
  if (
    !Array.isArray(renames) ||
    renames.length > 3 ||
    !renames.every((r) => isObject(r) && isTabName(r.from) && isTabName(r.to))
  ) {
    return { ok: false, error: t(MESSAGES, lang, 'renames'), field: 'renames' };
  }
  return {
    sheetName: req.sheetName,
    fingerprint: fp,
    renames: (renames as Array<{ from: string; to: string }>).map(({ from, to }) => ({ from, to })),
  };
}

export function confirmImport(req: unknown): ImportConfirmResult {
  const ctx = context();
  const { lang } = ctx;
  const parsed = parseConfirm(req, lang);
  if ('ok' in parsed) return parsed;
  try {
    return withDocumentLock((): ImportConfirmResult => {
      const ss = SpreadsheetApp.getActiveSpreadsheet();
      const reading = readAsLead(ss, ctx, parsed.sheetName);
      if (!reading.ok) return reading;
      const [source, tabs] = reading.fingerprint.split('.');
      const [wasSource, wasTabs] = parsed.fingerprint.split('.');
      if (source !== wasSource)
        return {
          ok: false,
          changed: true,
          error: t(MESSAGES, lang, 'source-changed', { tab: parsed.sheetName }),
        };
      if (tabs !== wasTabs) return { ok: false, changed: true, error: t(MESSAGES, lang, 'tabs-changed') };
      // Every rename the preview asked for, as it named it; no other.
      const asked = reading.collisions.map((c) => `${c.tab}\u0000${c.renameTo}`).sort();
      const given = (parsed.renames ?? []).map((r) => `${r.from}\u0000${r.to}`).sort();
      if (asked.join('\u0001') !== given.join('\u0001')) {
        const tab = reading.collisions[0]?.tab ?? parsed.renames?.[0]?.from ?? parsed.sheetName;
        return {
          ok: false,
          changed: true,
          field: 'renames',
          error: t(COLLISION_TEXT, lang, 'rename-missing', { tab }),
        };
      }
      const result = applyImport(ss, reading, options(ss, ctx));
      if (!result.ok) return result;
      const lines = [
        ...result.renamed.map((r) => t(MESSAGES, lang, 'renamed', r)),
        t(SHEET_TEXT, lang, 'imported', { objectives: result.objectives, keyResults: result.keyResults }),
        ...(result.teamAdded > 0 ? [t(MESSAGES, lang, 'team-added', { count: result.teamAdded })] : []),
      ];
      // Counts only: the preview showed the rows (a 5,000-row import would otherwise answer ~1 MB).
      return {
        ok: true,
        message: lines.join(' '),
        objectives: result.objectives,
        keyResults: result.keyResults,
        skipped: result.skippedRows.length,
        setUp: result.setUp,
        teamAdded: result.teamAdded,
        renamed: result.renamed,
      };
    });
  } catch (err) {
    if (err instanceof BusyError) return { ok: false, error: t(SHEET_TEXT, lang, 'busy') };
    throw err;
  }
}
