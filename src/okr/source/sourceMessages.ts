// What a person reads when a key result's Source cannot give a number, and the note of the check-in
// it records when it can. Each names the key result, its row and the Source cell, and says what to do.
import type { MessageTable } from '../core/i18n';

export type SourceProblemCode =
  | 'syntax'
  | 'range'
  | 'other-spreadsheet'
  | 'no-tab'
  | 'tab-missing'
  | 'name-missing'
  | 'name-range'
  | 'header-missing'
  | 'row-missing'
  | 'error'
  | 'empty'
  | 'text';

const WHERE = {
  en: '{id} (row {row}): the Source in {cell}',
  ja: '{id}（{row}行目）：{cell}のデータ元',
};

function both(en: string, ja: string): { en: string; ja: string } {
  return { en: `${WHERE.en} ${en}`, ja: `${WHERE.ja}${ja}` };
}

export const SOURCE_MESSAGES: MessageTable<
  SourceProblemCode | 'note' | 'noteBy' | 'updated' | 'none' | 'report'
> = {
  syntax: both(
    '("{source}") is not a reference the add-on can read. Write a cell such as \'Sales data\'!B7, a named range such as =Revenue_Q4, or a lookup such as Sales data[Revenue, 2026-Q4].',
    "（「{source}」）は読み取れる参照ではありません。'Sales data'!B7 のようなセル、=Revenue_Q4 のような名前付き範囲、または Sales data[Revenue, 2026-Q4] のような検索の形で書いてください。",
  ),
  range: both(
    '("{source}") names more than one cell. Point it at the one cell that holds the figure, e.g. \'Sales data\'!B7.',
    "（「{source}」）は複数のセルを指しています。数値が入っている1つのセル（例: 'Sales data'!B7）を指定してください。",
  ),
  'other-spreadsheet': both(
    '("{source}") points at another spreadsheet. The add-on reads only this spreadsheet: bring the figure into a tab here (e.g. with IMPORTRANGE) and point the Source at that cell.',
    '（「{source}」）は別のスプレッドシートを指しています。アドオンはこのスプレッドシートしか読みません。数値をこのスプレッドシートのタブに取り込み（IMPORTRANGE など）、そのセルを指定してください。',
  ),
  'no-tab': both(
    '("{source}") names a cell but not its tab. Write the tab too, e.g. \'Sales data\'!{source}.',
    "（「{source}」）はセルだけでタブがありません。'Sales data'!{source} のようにタブ名も書いてください。",
  ),
  'tab-missing': both(
    'names the tab "{tab}", which this spreadsheet does not have. Fix the tab\'s name in {cell}, or rename the tab.',
    'が指すタブ「{tab}」はこのスプレッドシートにありません。{cell}のタブ名を直すか、タブの名前を変えてください。',
  ),
  'name-missing': both(
    'names the range {name}, which this spreadsheet does not have. Create it (Data → Named ranges) or fix the name in {cell}.',
    'が指す名前付き範囲 {name} はこのスプレッドシートにありません。（データ → 名前付き範囲）で作成するか、{cell}の名前を直してください。',
  ),
  'name-range': both(
    'names the range {name}, which covers more than one cell. Make the named range one cell (Data → Named ranges).',
    'が指す名前付き範囲 {name} は複数のセルを含んでいます。名前付き範囲を1つのセルにしてください（データ → 名前付き範囲）。',
  ),
  'header-missing': both(
    'looks for a column headed "{header}" on the tab "{tab}", and its first rows have none. Fix the header in {cell} or on the tab.',
    'はタブ「{tab}」で見出し「{header}」の列を探しましたが、先頭の行にありません。{cell}かタブの見出しを直してください。',
  ),
  'row-missing': both(
    'looks for a row starting with "{rowKey}" on the tab "{tab}", and there is none. Add that row or fix {cell}.',
    'はタブ「{tab}」で先頭のセルが「{rowKey}」の行を探しましたが、見つかりません。その行を追加するか、{cell}を直してください。',
  ),
  error: both(
    'reads {at}, which shows the error {value}. Fix the formula there; nothing was recorded.',
    'が読む{at}はエラー {value} を表示しています。そのセルの数式を直してください。記録はしていません。',
  ),
  empty: both(
    'reads {at}, which is empty. Put the figure there; nothing was recorded.',
    'が読む{at}は空です。そこに数値を入れてください。記録はしていません。',
  ),
  text: both(
    'reads {at}, which holds "{value}", not a number. Put a number there; nothing was recorded.',
    'が読む{at}には数値ではなく「{value}」が入っています。数値を入れてください。記録はしていません。',
  ),
  note: { en: 'From source {at}', ja: 'データ元 {at} から自動更新' },
  noteBy: { en: 'From source {at} (asked by {by})', ja: 'データ元 {at} から自動更新（{by}が実行）' },
  updated: {
    en: '{id} updated from its source: {value}. Set your confidence with a check-in.',
    ja: '{id}をデータ元から更新しました：{value}。自信度はチェックインで設定してください。',
  },
  report: {
    en: 'Sources: {n} {n|key result|key results} updated, {p} {p|problem|problems}.',
    ja: 'データ元：主要な結果{n}件を更新、問題{p}件。',
  },
  none: {
    en: "{id} has no Source. Add a Source column to the OKRs tab and write where its figure is, e.g. 'Sales data'!B7.",
    ja: "{id}にはデータ元がありません。OKRタブに「データ元」列を追加し、数値の場所（例: 'Sales data'!B7）を書いてください。",
  },
};
