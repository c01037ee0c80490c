// The messages of the sheet-structure endpoints (set-up, Check problems, import), and who may
// change the structure: those who may manage (src/okr/ownership/roles.ts), refused with a sentence
// that names the Leads to ask.
import { type MessageTable, t } from '../okr/core/i18n';
import type { Lang, Person } from '../okr/core/model';
import { callerRoles, leadsOf } from '../okr/ownership/roles';
import { REQUEST_MESSAGES } from './sidebar/requestsMessages';

export type SheetText =
  | 'busy'
  | 'tabs-ambiguous'
  | 'not-lead'
  | 'not-object'
  | 'sheet-name'
  | 'set-up-done'
  | 'set-up-unchanged'
  | 'no-problems'
  | 'problems'
  | 'imported'
  | 'skipped'
  | 'import-title'
  // Edits typed or pasted into a closed cycle's rows (src/endpoints/closedRowEdit.ts).
  | 'closed-reverted'
  | 'closed-flagged'
  | 'closed-note';

/** The refusal when two sheets could be one of the add-on's tabs (src/gas/tabs.ts), or null. */
export function ambiguityRefusal(
  ambiguous: Partial<Record<string, readonly string[]>>,
  tabNames: Record<string, string>,
  lang: Lang,
): string | null {
  for (const [key, names] of Object.entries(ambiguous)) {
    if (names && names.length > 1) {
      return t(SHEET_TEXT, lang, 'tabs-ambiguous', {
        tab: tabNames[key] ?? key,
        tabs: names.map((n) => `"${n}"`).join(', '),
      });
    }
  }
  return null;
}

export const SHEET_TEXT: MessageTable<SheetText> = {
  'not-lead': {
    en: 'Only a Lead on the Team tab can {action}. Ask {leads} to do it, or to give you the Lead role.',
    ja: '{action}はTeamタブのLeadだけが実行できます。{leads}に依頼するか、Leadの役割を付けてもらってください。',
  },
  'tabs-ambiguous': {
    en: 'The tabs {tabs} could each be the {tab} tab, so nothing was changed. Rename your {tab} tab to exactly "{tab}", or rename the others (e.g. "Old {tab}"), then try again.',
    ja: '{tabs} のどれも{tab}タブになり得るため、何も変更しませんでした。使う方のタブ名をちょうど「{tab}」に変えるか、他方の名前を変えてから、もう一度お試しください。',
  },
  busy: {
    en: 'Someone else is changing the sheet right now. Try again in a few seconds.',
    ja: '他の人がシートを変更中です。数秒後にもう一度お試しください。',
  },
  'not-object': {
    en: 'The request is not valid: expected {example}.',
    ja: 'リクエストが正しくありません。{example} の形式で送ってください。',
  },
  'sheet-name': {
    en: 'sheetName must be the name of a tab (text, 1–100 characters).',
    ja: 'sheetName にはタブ名（1～100文字のテキスト）を指定してください。',
  },
  'set-up-done': {
    en: 'OKR sheet set up. Created: {created}. Headers added: {headers}. Example rows: {examples}.',
    ja: 'OKRシートを設定しました。作成：{created}。追加した見出し：{headers}。例の行：{examples}。',
  },
  'set-up-unchanged': {
    en: 'The OKR sheet was already set up; dropdowns and formats are in place.',
    ja: 'OKRシートは設定済みです。プルダウンと書式を確認しました。',
  },
  'no-problems': { en: 'No problems found.', ja: '問題は見つかりませんでした。' },
  problems: {
    en: '{errors} {errors|error|errors} and {warnings} {warnings|warning|warnings}. The sidebar lists them; click one to go to its cell.',
    ja: 'エラー {errors} 件、警告 {warnings} 件。サイドバーに一覧があり、クリックするとそのセルに移動します。',
  },
  imported: {
    en: 'Imported {objectives} {objectives|objective|objectives} and {keyResults} key {keyResults|result|results} into the OKRs tab. Run Check problems to see what needs fixing.',
    ja: '目標 {objectives} 件と主要な結果 {keyResults} 件をOKRsタブに取り込みました。「問題をチェック」で修正が必要な点を確認してください。',
  },
  skipped: { en: 'Skipped rows:', ja: '取り込まなかった行：' },
  'import-title': { en: 'Import OKRs', ja: 'OKRの取り込み' },
  'closed-reverted': {
    en: "Cycle {cycle} is closed: its rows are the graded record, so {cell} was set back to what it was. To change it, a Lead reopens the cycle in the sidebar's Cycles view.",
    ja: 'サイクル{cycle}は締め済みです。その行は評価の記録なので、{cell}を元の値に戻しました。変更するには、リーダーがサイドバーの「サイクル」画面でサイクルを再開してください。',
  },
  'closed-flagged': {
    en: "Cycle {cycle} is closed: its rows are the graded record. {count} pasted {count|cell|cells} could not be set back and {count|has|have} a note; Check problems lists each key result whose score no longer matches the Results tab. Undo the paste (Ctrl+Z), or have a Lead reopen the cycle in the sidebar's Cycles view.",
    ja: 'サイクル{cycle}は締め済みです。その行は評価の記録です。貼り付けた{count}個のセルは元に戻せないため、メモを付けました。Resultsタブの記録とスコアが合わない主要な結果は「問題をチェック」に表示されます。貼り付けを取り消す（Ctrl+Z）か、リーダーにサイドバーの「サイクル」画面でサイクルを再開してもらってください。',
  },
  'closed-note': {
    en: "Edited after cycle {cycle} was closed: this row is the graded record (Results tab). Undo the edit, or have a Lead reopen the cycle in the sidebar's Cycles view, change it, and close it again.",
    ja: 'サイクル{cycle}の締め後に編集されました。この行は評価の記録です（Resultsタブ）。編集を取り消すか、リーダーにサイドバーの「サイクル」画面でサイクルを再開してもらい、変更してから再び締めてください。',
  },
};

const ACTIONS: MessageTable<'setUp' | 'import'> = {
  setUp: { en: 'set up the OKR sheet', ja: 'OKRシートの設定' },
  import: { en: 'import OKRs', ja: 'OKRの取り込み' },
};

/**
 * Why the caller may not change the sheet's structure, or null when they may: never a caller Google
 * hides, anyone signed in while no Lead is listed (so a new team can start), else Leads. Decided
 * from the session's user and the Team tab only, so google.script.run cannot bypass it.
 */
export function structureRefusal(
  email: string,
  people: ReadonlyArray<Pick<Person, 'email' | 'role'>>,
  lang: Lang,
  action: 'setUp' | 'import',
): string | null {
  const caller = callerRoles(email, people);
  if (!caller.email) return t(REQUEST_MESSAGES, lang, 'no-identity');
  if (caller.canManage) return null;
  const leads = leadsOf(people)
    .map((p) => p.email)
    .slice(0, 3)
    .join(', ');
  return t(SHEET_TEXT, lang, 'not-lead', { action: t(ACTIONS, lang, action), leads });
}
