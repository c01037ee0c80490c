// A team's own tab may carry one of the add-on's tab names: their OKR list called "OKRs", their
// check-in notes called "Check-ins" or "Log". Such a tab is not the add-on's: it has data and lacks
// the columns the add-on's tab always has (its required columns). The add-on never writes into it:
// a tab found only through an alias is left alone (the add-on makes its own tab under its own name),
// and a tab with the add-on's own name must be renamed first, asked in Import's preview, or set-up
// refuses, naming it. Pure: values in, decisions out.
import { type MessageTable, t } from '../../core/i18n';
import type { Lang } from '../../core/model';
import { asGrid, tableLayout } from '../../core/parse';
import { isBlank } from '../../core/parseValues';
import { type AliasTable, CHECK_IN_ALIASES, OKR_ALIASES, TEAM_ALIASES } from '../../core/schema';
import { TAB } from '../../core/tabs';
import { AGREEMENT_ALIASES } from '../../ownership/agreementLog';

/** The add-on's tabs that hold a table it writes into (the Summary is generated whole). */
export type TableTab = 'okrs' | 'team' | 'checkIns' | 'agreements';

/**
 * The columns that make a tab the add-on's: every group must be there (any column of a group). A
 * tab of the add-on's that lost another column (a deleted Parent, an old set-up) is still the
 * add-on's, and set-up repairs it.
 */
const IDENTIFYING: Record<TableTab, { aliases: AliasTable<string>; groups: string[][] }> = {
  okrs: { aliases: OKR_ALIASES, groups: [['id'], ['type', 'parent']] },
  team: { aliases: TEAM_ALIASES, groups: [['email']] },
  checkIns: { aliases: CHECK_IN_ALIASES, groups: [['time'], ['id']] },
  agreements: { aliases: AGREEMENT_ALIASES, groups: [['time'], ['id'], ['step']] },
};

/**
 * Whether a tab found as one of the add-on's is the team's own: it has values, and its header row
 * lacks the columns that identify the add-on's tab (an ID and a Type or Parent for OKRs, an Email
 * for Team, a Time and an ID for Check-ins, a Time, an ID and a Step for Agreements). An empty tab is the add-on's to fill.
 */
export function isTeamsOwnTab(key: TableTab, values: unknown[][] | null): boolean {
  if (!values) return false;
  const grid = asGrid(values);
  if (grid.every((row) => row.every(isBlank))) return false;
  return missing(key, grid).length > 0;
}

function missing(key: TableTab, grid: unknown[][]): string[] {
  const { aliases, groups } = IDENTIFYING[key];
  const layout = tableLayout(grid, aliases);
  const there = (c: string) => layout.columns[c] !== undefined || layout.duplicates[c] !== undefined;
  return groups.filter((g) => !g.some(there)).map((g) => g.map((c) => aliases[c][0]).join(' / '));
}

/** Whether a sheet's name is the add-on's own name for the tab (Sheets compares names ignoring case). */
export function hasAddOnName(key: TableTab, name: string): boolean {
  return name.toLowerCase() === TAB[key].toLowerCase();
}

const SUFFIX: Record<Lang, string> = { en: ' (original)', ja: '（元の表）' };

/** The name offered for a team's tab that has the add-on's name: free among `taken` (ignoring case). */
export function renameFor(name: string, taken: readonly string[], lang: Lang): string {
  const used = new Set(taken.map((n) => n.toLowerCase()));
  const base = `${name}${SUFFIX[lang]}`;
  if (!used.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const next = lang === 'ja' ? `${name}（元の表${i}）` : `${name} (original ${i})`;
    if (!used.has(next.toLowerCase())) return next;
  }
}

export const COLLISION_MESSAGES: MessageTable<'collision' | 'set-up-collision' | 'rename-missing'> = {
  collision: {
    en: 'Your tab "{tab}" has the name of the add-on\'s {addOnTab} tab but is not one (it has no {columns} column). It will be renamed to "{to}" first, so your tab is kept as it is and the add-on makes its own "{addOnTab}" tab.',
    ja: 'お使いの「{tab}」タブは、アドオンの{addOnTab}タブと同じ名前ですが、アドオンのタブではありません（{columns} の列がありません）。先に「{to}」に名前を変えてから取り込みます。お使いのタブはそのまま残り、アドオンは自分の「{addOnTab}」タブを作ります。',
  },
  'set-up-collision': {
    en: 'Your tab "{tab}" has the name of the add-on\'s {addOnTab} tab but is not one (it has no {columns} column), so nothing was changed. Rename your tab (e.g. "{to}"), or use Import in the sidebar, which offers to rename it, then set up again.',
    ja: 'お使いの「{tab}」タブは、アドオンの{addOnTab}タブと同じ名前ですが、アドオンのタブではない（{columns} の列がない）ため、何も変更しませんでした。タブ名を変える（例：「{to}」）か、サイドバーの「取り込み」で名前の変更を選んでから、もう一度設定してください。',
  },
  'rename-missing': {
    en: 'Your tab "{tab}" must be renamed before anything is imported, and this was not confirmed. Look at the preview again and confirm the rename.',
    ja: '取り込みの前に「{tab}」タブの名前を変える必要がありますが、その確認がありませんでした。プレビューをもう一度見て、名前の変更を確認してください。',
  },
};

/** The identifying columns a team's tab lacks, as the add-on names them (for the messages). */
function missingColumns(key: TableTab, values: unknown[][], lang: Lang): string {
  return missing(key, asGrid(values))
    .map((n) => (lang === 'ja' ? `「${n}」` : `"${n}"`))
    .join(lang === 'ja' ? '・' : ', ');
}

export interface TabCollision {
  key: TableTab;
  /** The team's tab as it is named now. */
  tab: string;
  /** The name it gets before anything is written. */
  renameTo: string;
  message: string;
}

/** One collision, in the words of Import's preview or of set-up's refusal. */
export function collision(
  key: TableTab,
  tab: string,
  values: unknown[][],
  taken: readonly string[],
  lang: Lang,
  during: 'import' | 'set-up',
): TabCollision {
  const renameTo = renameFor(tab, taken, lang);
  const message = t(COLLISION_MESSAGES, lang, during === 'import' ? 'collision' : 'set-up-collision', {
    tab,
    to: renameTo,
    addOnTab: TAB[key],
    columns: missingColumns(key, values, lang),
  });
  return { key, tab, renameTo, message };
}
