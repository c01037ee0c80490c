// The validator's problems in words a person understands, in English and Japanese: each message
// says what is wrong on which row, and each hint says what to do about it.
import { format, type MessageTable } from './i18n';
import type { Lang, Problem, ProblemCode, Severity } from './model';

export const SEVERITY: Record<ProblemCode, Severity> = {
  'owner-missing': 'error',
  'owner-multiple': 'error',
  'owner-not-person': 'error',
  'owner-unknown': 'error',
  'id-missing': 'error',
  'id-duplicate': 'error',
  'parent-missing': 'error',
  'parent-not-objective': 'error',
  'type-unknown': 'error',
  'kind-unknown': 'error',
  'confidence-unknown': 'error',
  'value-not-number': 'error',
  'target-equals-start': 'error',
  'date-invalid': 'error',
  'header-missing': 'error',
  'team-email-invalid': 'error',
  'team-email-duplicate': 'error',
  'owner-pending': 'warning',
  'objective-owner-missing': 'warning',
  'owner-overloaded': 'warning',
  'objective-without-krs': 'warning',
  'objective-too-many-krs': 'warning',
  stale: 'warning',
  'accepted-not-agreed': 'error',
  'target-changed-after-agreement': 'warning',
  // The row and the graded record (Results tab) tell two stories of the same closed cycle: only a
  // Lead may settle which is true (undo, or reopen and close again), so it is an error.
  'edited-after-close': 'error',
  // The weekly run and Update from source record nothing from it (an empty Source cell is a warning:
  // the figure may simply not be in yet).
  'source-unreadable': 'error',
};

/** Text variants chosen by the problem's context (e.g. a parent that is blank vs. not found). */
type MessageKey =
  | ProblemCode
  | 'parent-missing-blank'
  | 'owner-unknown-suggest'
  | 'owner-team-member'
  | 'header-missing-tab'
  | 'header-missing-ambiguous'
  | 'header-duplicate'
  | 'header-missing-flat'
  | 'edited-after-close-added'
  | 'edited-after-close-moved'
  | 'edited-after-close-removed';

export const PROBLEM_MESSAGES: MessageTable<MessageKey> = {
  'owner-missing': {
    en: '{what} {id} (row {row}) has no owner.',
    ja: '{what} {id}（{row}行目）に担当者がいません。',
  },
  'owner-multiple': {
    en: '{what} {id} (row {row}) has more than one owner: "{value}".',
    ja: '{what} {id}（{row}行目）に担当者が複数います：「{value}」。',
  },
  'owner-not-person': {
    en: '{what} {id} (row {row}) is owned by a team or group, "{value}", not by a person.',
    ja: '{what} {id}（{row}行目）の担当者「{value}」はチームまたはグループで、個人ではありません。',
  },
  'owner-team-member': {
    en: '{what} {id} (row {row}) is owned by {value}, which the {team} tab lists like a person but looks like a team or a group ("{name}").',
    ja: '{what} {id}（{row}行目）の担当者 {value} は{team}タブに個人のように載っていますが、チームまたはグループのようです（「{name}」）。',
  },
  'owner-unknown': {
    en: '{what} {id} (row {row}): the owner "{value}" is not the email of anyone on the {team} tab.',
    ja: '{what} {id}（{row}行目）：担当者「{value}」は{team}タブのメンバーのメールアドレスではありません。',
  },
  'owner-unknown-suggest': {
    en: '{what} {id} (row {row}): the owner "{value}" is not an email; it looks like {name} on the {team} tab.',
    ja: '{what} {id}（{row}行目）：担当者「{value}」はメールアドレスではありません。{team}タブの{name}さんのようです。',
  },
  'id-missing': {
    en: 'Row {row} has no ID.',
    ja: '{row}行目にIDがありません。',
  },
  'id-duplicate': {
    en: 'The ID {id} on row {row} is also used on row {other}.',
    ja: '{row}行目のID {id} は{other}行目でも使われています。',
  },
  'parent-missing': {
    en: '{what} {id} (row {row}) points to the objective "{value}", which is not in the sheet.',
    ja: '{what} {id}（{row}行目）の親「{value}」という目標がシートにありません。',
  },
  'parent-missing-blank': {
    en: 'Key result {id} (row {row}) does not say which objective it belongs to.',
    ja: '主要な結果 {id}（{row}行目）がどの目標に属するか指定されていません。',
  },
  'parent-not-objective': {
    en: '{what} {id} (row {row}) has the parent {value}, which is a key result, not an objective.',
    ja: '{what} {id}（{row}行目）の親 {value} は主要な結果であり、目標ではありません。',
  },
  'type-unknown': {
    en: 'Row {row}: the type "{value}" is neither Objective nor Key result.',
    ja: '{row}行目：種類「{value}」は「目標」でも「主要な結果」でもありません。',
  },
  'kind-unknown': {
    en: 'Key result {id} (row {row}): the kind "{value}" is not one of increase, decrease, at least, at most, milestone.',
    ja: '主要な結果 {id}（{row}行目）：指標の種類「{value}」は increase、decrease、at least、at most、milestone のいずれでもありません。',
  },
  'confidence-unknown': {
    en: '{what} {id} (row {row}): the confidence "{value}" is not On track, At risk or Off track.',
    ja: '{what} {id}（{row}行目）：自信度「{value}」は On track、At risk、Off track のいずれでもありません。',
  },
  'value-not-number': {
    en: 'Key result {id} (row {row}): {column} "{value}" is not a number.',
    ja: '主要な結果 {id}（{row}行目）：{column}「{value}」は数値ではありません。',
  },
  'target-equals-start': {
    en: 'Key result {id} (row {row}): Target equals Start ({value}), so progress cannot be measured.',
    ja: '主要な結果 {id}（{row}行目）：目標値が開始値（{value}）と同じため、進捗を測れません。',
  },
  'date-invalid': {
    en: '{what} {id} (row {row}): {column} "{value}" is not a date.',
    ja: '{what} {id}（{row}行目）：{column}「{value}」は日付ではありません。',
  },
  'header-missing': {
    en: 'The {tab} tab has no "{column}" column.',
    ja: '{tab}タブに「{column}」列がありません。',
  },
  'team-email-invalid': {
    en: '{team} tab, row {row}: "{value}" is not an email address, so {name} cannot own anything.',
    ja: '{team}タブ {row}行目：「{value}」はメールアドレスではないため、{name}さんは何も担当できません。',
  },
  'team-email-duplicate': {
    en: '{team} tab, row {row}: {value} is already listed on row {other}.',
    ja: '{team}タブ {row}行目：{value} は{other}行目にもあります。',
  },
  'header-missing-flat': {
    en: 'The {tab} tab is a flat list (one row per key result), not the OKRs table with ID, Type and Parent.',
    ja: '{tab}タブは1行に1つの主要な結果を並べた一覧で、ID・種類・親を持つOKRの表ではありません。',
  },
  'header-missing-tab': {
    en: 'There is no {tab} tab.',
    ja: '{tab}タブがありません。',
  },
  'header-missing-ambiguous': {
    en: 'The tabs {tabs} could each be the {tab} tab, so the add-on reads and writes neither.',
    ja: '{tabs} のどれも{tab}タブになり得るため、アドオンはどちらも読み書きしません。',
  },
  'header-duplicate': {
    en: 'The {tab} tab has more than one {column} column: {columns}. The add-on cannot tell which one is meant, so it writes nothing to the tab until one is left.',
    ja: '{tab}タブに「{column}」列が複数あります：{columns}。どちらを使うか判断できないため、1つになるまでアドオンはこのタブに何も書き込みません。',
  },
  'owner-pending': {
    en: 'Key result {id} (row {row}): {value} has not accepted ownership yet.',
    ja: '主要な結果 {id}（{row}行目）：{value}さんがまだ担当を承諾していません。',
  },
  'objective-owner-missing': {
    en: 'Objective {id} (row {row}) has no owner.',
    ja: '目標 {id}（{row}行目）に担当者がいません。',
  },
  'owner-overloaded': {
    en: '{value} owns {count} key {count|result|results} in {cycle}, more than the limit of {limit}.',
    ja: '{value}さんは{cycle}に主要な結果を{count}件担当しており、上限の{limit}件を超えています。',
  },
  'objective-without-krs': {
    en: 'Objective {id} (row {row}) has no key results.',
    ja: '目標 {id}（{row}行目）に主要な結果がありません。',
  },
  'objective-too-many-krs': {
    en: 'Objective {id} (row {row}) has {count} key {count|result|results}; more than {limit} dilutes focus.',
    ja: '目標 {id}（{row}行目）には主要な結果が{count}件あります。{limit}件を超えると焦点がぼやけます。',
  },
  stale: {
    en: 'Key result {id} (row {row}) has had no check-in for {count} {count|day|days} (owner: {value}).',
    ja: '主要な結果 {id}（{row}行目）は{count}日間チェックインがありません（担当者：{value}）。',
  },
  'accepted-not-agreed': {
    en: 'Key result {id} (row {row}) shows an Accepted date, but the Agreements log has no acceptance by {value}.',
    ja: '主要な結果 {id}（{row}行目）に承諾日がありますが、合意ログに{value}さんの承諾がありません。',
  },
  'target-changed-after-agreement': {
    en: 'Key result {id} (row {row}): the Target is {target}, but {value} and the approver agreed {agreed}.',
    ja: '主要な結果 {id}（{row}行目）：目標値が{target}ですが、{value}さんと承認者が合意したのは{agreed}です。',
  },
  'edited-after-close': {
    en: 'Key result {id} (row {row}) of the closed cycle {cycle} now scores {now}, but {recorded} was recorded when the cycle closed (Results tab): the row was edited after the close.',
    ja: '主要な結果 {id}（{row}行目）は締め済みのサイクル{cycle}のものですが、現在のスコアは{now}で、締めたときに記録されたスコア{recorded}（Resultsタブ）と違います。締めた後に行が編集されています。',
  },
  'edited-after-close-added': {
    en: 'Key result {id} (row {row}) is in the closed cycle {cycle}, but the Results tab has no score for it: it was added to the cycle after the close.',
    ja: '主要な結果 {id}（{row}行目）は締め済みのサイクル{cycle}にありますが、Resultsタブにスコアがありません。締めた後にサイクルへ追加されています。',
  },
  'edited-after-close-moved': {
    en: 'Key result {id} (row {row}) was scored in the closed cycle {cycle} (Results tab), but its Cycle is now {now}: it was moved out of the cycle after the close.',
    ja: '主要な結果 {id}（{row}行目）は締め済みのサイクル{cycle}でスコアが記録されています（Resultsタブ）が、サイクルが{now}になっています。締めた後にサイクルから移されています。',
  },
  'edited-after-close-removed': {
    en: 'Key result {id} was scored in the closed cycle {cycle} (Results tab, row {row}), but no row of the OKRs tab has that ID any more: it was deleted after the close.',
    ja: '主要な結果 {id}は締め済みのサイクル{cycle}でスコアが記録されています（Resultsタブ{row}行目）が、OKRsタブにそのIDの行がありません。締めた後に削除されています。',
  },
  'source-unreadable': {
    en: 'Key result {detail}',
    ja: '主要な結果 {detail}',
  },
};

export const PROBLEM_HINTS: MessageTable<MessageKey> = {
  'owner-missing': {
    en: 'Pick one person from the dropdown in {cell}, or use Assign owners in the sidebar.',
    ja: '{cell}のプルダウンから1人を選ぶか、サイドバーの「担当者を割り当て」を使ってください。',
  },
  'owner-multiple': {
    en: 'A key result needs exactly one owner. Keep one email in {cell}; split the work into separate key results if several people drive it.',
    ja: '主要な結果の担当者は1人だけです。{cell}にはメールアドレスを1つだけ残し、複数人で進める場合は主要な結果を分けてください。',
  },
  'owner-team-member': {
    en: 'Choose the one person in that team who is accountable and put their email in {cell}. If {value} really is one person, rename the {team} tab row to their own name.',
    ja: 'そのチームで責任を持つ1人を決め、そのメールアドレスを{cell}に入力してください。{value} が本当に1人の個人なら、{team}タブのその行の名前を本人の名前にしてください。',
  },
  'owner-not-person': {
    en: 'Choose the one person in that team who is accountable and put their email in {cell}.',
    ja: 'そのチームで責任を持つ1人を決め、そのメールアドレスを{cell}に入力してください。',
  },
  'owner-unknown': {
    en: 'Put the email of someone listed on the {team} tab in {cell}, or add this person to the {team} tab first.',
    ja: '{cell}に{team}タブに載っている人のメールアドレスを入力するか、先にこの人を{team}タブに追加してください。',
  },
  'owner-unknown-suggest': {
    en: 'Replace it with {email} in {cell}.',
    ja: '{cell}を {email} に置き換えてください。',
  },
  'id-missing': {
    en: 'Give the row an ID in {cell} (e.g. O3 for an objective, O3.1 for its first key result), or run Set up OKR sheet.',
    ja: '{cell}にIDを入力してください（例：目標は O3、その最初の主要な結果は O3.1）。',
  },
  'id-duplicate': {
    en: 'IDs must be unique: change the ID in {cell} to one not used elsewhere.',
    ja: 'IDは重複できません。{cell}のIDを他で使われていないものに変えてください。',
  },
  'parent-missing': {
    en: 'Put the ID of an objective that exists (e.g. O1) in {cell}, or add that objective.',
    ja: '{cell}に存在する目標のID（例：O1）を入力するか、その目標を追加してください。',
  },
  'parent-missing-blank': {
    en: "Put the ID of this key result's objective (e.g. O1) in {cell}.",
    ja: '{cell}にこの主要な結果が属する目標のID（例：O1）を入力してください。',
  },
  'parent-not-objective': {
    en: 'Put the ID of an objective in {cell}: key results hang under objectives, not under other key results.',
    ja: '{cell}には目標のIDを入力してください。主要な結果は他の主要な結果ではなく目標の下に置きます。',
  },
  'type-unknown': {
    en: 'Choose Objective or Key result in {cell}.',
    ja: '{cell}で「Objective」または「Key result」を選んでください。',
  },
  'kind-unknown': {
    en: 'Choose a kind from the dropdown in {cell} (leave it blank for increase).',
    ja: '{cell}のプルダウンから指標の種類を選んでください（空欄なら increase として扱います）。',
  },
  'confidence-unknown': {
    en: 'Choose On track, At risk or Off track in {cell}.',
    ja: '{cell}で On track、At risk、Off track のいずれかを選んでください。',
  },
  'value-not-number': {
    en: 'Type a plain number in {cell} (e.g. 1200 or 45%); put the unit in the Unit column.',
    ja: '{cell}には数値だけを入力してください（例：1200、45%）。単位は「単位」列に入力します。',
  },
  'target-equals-start': {
    en: 'Change Target or Start so they differ, or set Kind to "at least"/"at most" if the goal is to hold a level.',
    ja: '目標値か開始値を変えるか、水準の維持が目的なら指標の種類を「at least」「at most」にしてください。',
  },
  'date-invalid': {
    en: 'Type a date in {cell}, e.g. 2026-12-31.',
    ja: '{cell}には日付を入力してください（例：2026-12-31）。',
  },
  'header-missing': {
    en: 'Rename a column header on the {tab} tab to "{column}", or run Set up OKR sheet to add it.',
    ja: '{tab}タブの列見出しを「{column}」に変えるか、「OKRシートを設定」を実行して列を追加してください。',
  },
  'team-email-invalid': {
    en: "Type the person's work email in {cell} (e.g. ann@example.com).",
    ja: '{cell}にその人の仕事用メールアドレスを入力してください（例：ann@example.com）。',
  },
  'team-email-duplicate': {
    en: 'Keep one row per person: delete row {row} or merge it into row {other}.',
    ja: '1人につき1行にしてください。{row}行目を削除するか{other}行目にまとめてください。',
  },
  'header-missing-flat': {
    en: 'Rename the tab (e.g. "Old OKRs"), open it and run Extensions → OKR Owners → Import OKRs from this tab; the add-on then builds the OKRs tab from it.',
    ja: 'タブ名を変更し（例：「旧OKR」）、そのタブを開いて 拡張機能 → OKR Owners →「このタブからOKRを取り込む」を実行してください。OKRsタブが作成されます。',
  },
  'header-missing-tab': {
    en: 'Run Extensions → OKR Owners → Set up OKR sheet to create it.',
    ja: '拡張機能 → OKR Owners →「OKRシートを設定」を実行して作成してください。',
  },
  'header-missing-ambiguous': {
    en: 'Rename your {tab} tab to exactly "{tab}", or rename the others (e.g. "Old {tab}").',
    ja: '使う方のタブ名をちょうど「{tab}」に変えるか、他方の名前を変えてください（例：「旧{tab}」）。',
  },
  'header-duplicate': {
    en: 'Keep one of the columns {letters}: delete the others, or rename them to something else (e.g. "Old {column}").',
    ja: '{letters}列のうち1つだけを残し、他は削除するか別の名前に変えてください（例：「旧{column}」）。',
  },
  'owner-pending': {
    en: 'Ask {value} to open the sidebar and accept (or decline) this key result.',
    ja: '{value}さんにサイドバーを開いてこの主要な結果を承諾（または辞退）するよう依頼してください。',
  },
  'objective-owner-missing': {
    en: 'Put the email of the one person accountable for this objective in {cell}.',
    ja: 'この目標に責任を持つ1人のメールアドレスを{cell}に入力してください。',
  },
  'owner-overloaded': {
    en: 'Hand some of them to someone else, or raise the limit in the sidebar settings.',
    ja: '一部を他の人に割り当てるか、サイドバーの設定で上限を上げてください。',
  },
  'objective-without-krs': {
    en: 'Add key results with Parent {id} (the sidebar can add them), or remove the objective.',
    ja: '親が {id} の主要な結果を追加する（サイドバーから追加できます）か、この目標を削除してください。',
  },
  'objective-too-many-krs': {
    en: 'Keep the {limit} that matter most; move the rest to another objective or drop them.',
    ja: '最も重要な{limit}件に絞り、残りは別の目標に移すか削除してください。',
  },
  stale: {
    en: 'Ask {value} to check in from the sidebar.',
    ja: '{value}さんにサイドバーからチェックインするよう依頼してください。',
  },
  'accepted-not-agreed': {
    en: 'Clear {cell} and ask {value} to accept in the sidebar, so the acceptance is recorded.',
    ja: '{cell}を空にし、{value}さんにサイドバーで承諾するよう依頼してください（承諾が記録されます）。',
  },
  'target-changed-after-agreement': {
    en: 'Set the Target back to {agreed}, or ask {value} to propose {target} in the sidebar for the approver to agree.',
    ja: '目標値を{agreed}に戻すか、{value}さんにサイドバーで{target}を提案してもらい、承認者の合意を得てください。',
  },
  'edited-after-close': {
    en: "Undo the edit (File → Version history shows what changed), or have a Lead reopen {cycle} in the sidebar's Cycles view, make the change and close it again, so the new score is recorded.",
    ja: '編集を取り消す（ファイル → 変更履歴 で変更点を確認できます）か、リーダーにサイドバーの「サイクル」画面で{cycle}を再開してもらい、変更してから再び締めて新しいスコアを記録してください。',
  },
  'edited-after-close-added': {
    en: "Put an open cycle in {cell}, or have a Lead reopen {cycle} in the sidebar's Cycles view and close it again, so it is scored.",
    ja: '{cell}を締めていないサイクルにするか、リーダーにサイドバーの「サイクル」画面で{cycle}を再開し、再び締めてスコアを記録してもらってください。',
  },
  'edited-after-close-moved': {
    en: 'Put {cycle} back in {cell}: the Results tab keeps the score it had when {cycle} closed. If it belongs to {now} now, add it there as a new key result instead.',
    ja: '{cell}を{cycle}に戻してください（Resultsタブには{cycle}を締めたときのスコアが残っています）。{now}のものにするなら、代わりに{now}に新しい主要な結果として追加してください。',
  },
  'edited-after-close-removed': {
    en: 'Restore the row (File → Version history shows what changed): the Results tab keeps the score it had when {cycle} closed.',
    ja: '行を元に戻してください（ファイル → 変更履歴 で変更点を確認できます）。Resultsタブには{cycle}を締めたときのスコアが残っています。',
  },
  'source-unreadable': {
    en: 'Until it is fixed, the weekly run and Update from source record nothing for {id}; its Current stays as typed.',
    ja: '直すまで、毎週の実行と「データ元から更新」は{id}に何も記録しません。現在値は入力された値のままです。',
  },
};

/** Words filled into messages: what a row is, and the tab names. */
export const PROBLEM_WORDS: MessageTable<'objective' | 'key-result' | 'row'> = {
  objective: { en: 'Objective', ja: '目標' },
  'key-result': { en: 'Key result', ja: '主要な結果' },
  row: { en: 'Row', ja: '行' },
};

export interface ProblemContext {
  id?: string | null;
  row?: number | null;
  column?: string | null;
  cell?: string | null;
  /** The value at fault, shown in the message (cut to a readable length). */
  value?: string;
  /** 'objective' | 'key-result' for the {what} word. */
  what?: 'objective' | 'key-result';
  /** Override the default severity (objective owners are warnings, not errors). */
  severity?: Severity;
  /** Which message variant to use. */
  variant?: MessageKey;
  params?: Record<string, string | number>;
}

/** Long or multi-line values would drown the message. */
export function shortValue(value: unknown, max = 60): string {
  const text = String(value ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Build a localized problem. */
export function problem(code: ProblemCode, ctx: ProblemContext, lang: Lang): Problem {
  const key: MessageKey = ctx.variant ?? code;
  const params: Record<string, string | number> = {
    id: ctx.id ?? '',
    row: ctx.row ?? '',
    column: ctx.column ?? '',
    cell: ctx.cell ?? '',
    value: shortValue(ctx.value ?? ''),
    what: ctx.what ? PROBLEM_WORDS[ctx.what][lang] : PROBLEM_WORDS.row[lang],
    ...(ctx.params ?? {}),
  };
  // "Key result  (row 7)" reads badly when the ID is blank.
  const message = format(PROBLEM_MESSAGES[key][lang], params).replace(/ {2,}/g, ' ').replace(/ （/g, '（');
  return {
    code,
    severity: ctx.severity ?? SEVERITY[code],
    id: ctx.id ? ctx.id : null,
    row: ctx.row ?? null,
    column: ctx.column ?? null,
    cell: ctx.cell ?? null,
    message,
    hint: format(PROBLEM_HINTS[key][lang], params),
  };
}

export interface ProblemCounts {
  errors: number;
  warnings: number;
  total: number;
  byCode: Partial<Record<ProblemCode, number>>;
}

export function countProblems(problems: readonly Problem[]): ProblemCounts {
  const byCode: Partial<Record<ProblemCode, number>> = {};
  let errors = 0;
  let warnings = 0;
  for (const p of problems) {
    byCode[p.code] = (byCode[p.code] ?? 0) + 1;
    if (p.severity === 'error') errors++;
    else warnings++;
  }
  return { errors, warnings, total: problems.length, byCode };
}

/** Column letters for a 0-based index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "OKRs!E5"; a tab name with spaces or punctuation is quoted as Sheets does ("'Check-ins'!A2"). */
export function cellA1(sheetName: string, row: number, columnIndex: number): string {
  const tab = /^[A-Za-z_][A-Za-z0-9_]*$/.test(sheetName) ? sheetName : `'${sheetName.replace(/'/g, "''")}'`;
  return `${tab}!${columnLetter(columnIndex)}${row}`;
}
