// Messages the sidebar endpoints return: refusals, invalid input and confirmations, in English and
// Japanese. Each says what went wrong with which field and what to do.
import type { MessageTable } from '../../okr/core/i18n';

export type RequestMessage =
  | 'not-an-object'
  | 'field-missing'
  | 'not-text'
  | 'text-too-long'
  | 'text-blank'
  | 'not-number'
  | 'number-out-of-range'
  | 'not-integer'
  | 'not-choice'
  | 'not-list'
  | 'list-empty'
  | 'list-too-long'
  | 'not-versions'
  | 'not-email'
  | 'not-date'
  | 'id-unknown'
  | 'id-not-key-result'
  | 'id-not-objective'
  | 'owner-not-in-team'
  | 'milestone-value'
  | 'no-identity'
  | 'not-owner'
  | 'unowned'
  | 'not-lead'
  | 'not-set-up'
  | 'header-conflict'
  | 'column-missing'
  | 'changed'
  | 'busy'
  | 'already-accepted'
  | 'no-owner'
  | 'target-equals-start'
  | 'cell-invalid'
  | 'checked-in'
  | 'accepted'
  | 'declined'
  | 'assigned'
  | 'added-objective'
  | 'added-key-result'
  | 'settings-saved'
  // ownership as an agreement
  | 'agreements-missing'
  | 'agreement-no-owner'
  | 'agreement-not-owner'
  | 'agreement-not-approver'
  | 'agreement-own-proposal'
  | 'agreement-nothing-to-answer'
  | 'agreement-waiting-for-approver'
  | 'agreement-same-figures'
  | 'agreement-proposed'
  | 'agreement-agreed'
  | 'agreement-countered'
  | 'agreement-refused'
  | 'cycle-closed'
  | 'cycle-unknown'
  | 'cycle-already-closed'
  | 'cycle-not-closed'
  | 'cycle-same'
  | 'cycle-closed-done'
  | 'rolled-over'
  | 'nothing-to-roll-over'
  | 'no-result'
  | 'retrospective-saved'
  | 'score-reason-missing'
  | 'results-tab-invalid'
  // Reopening a closed cycle (src/endpoints/cycleClose.ts reopenCycle).
  | 'cycle-reopened'
  | 'cycle-not-closed-reopen';

export const REQUEST_MESSAGES: MessageTable<RequestMessage> = {
  'not-an-object': {
    en: 'The request is not valid (expected an object). Reload the sidebar and try again.',
    ja: 'リクエストが正しくありません（オブジェクトが必要です）。サイドバーを再読み込みしてやり直してください。',
  },
  'field-missing': {
    en: '{field} is required. Fill it in and try again.',
    ja: '{field}は必須です。入力してからやり直してください。',
  },
  'not-text': {
    en: '{field} must be text.',
    ja: '{field}は文字列で入力してください。',
  },
  'text-too-long': {
    en: '{field} is too long ({length} characters); keep it under {max}.',
    ja: '{field}が長すぎます（{length}文字）。{max}文字以内にしてください。',
  },
  'text-blank': {
    en: '{field} cannot be blank. Type something and try again.',
    ja: '{field}を空にはできません。入力してからやり直してください。',
  },
  'not-number': {
    en: '{field} must be a number (for example 42 or 3.5).',
    ja: '{field}は数値で入力してください（例: 42、3.5）。',
  },
  'number-out-of-range': {
    en: '{field} must be between {min} and {max}.',
    ja: '{field}は{min}から{max}の範囲で入力してください。',
  },
  'not-integer': {
    en: '{field} must be a whole number.',
    ja: '{field}は整数で入力してください。',
  },
  'not-choice': {
    en: '{field} must be one of: {choices}.',
    ja: '{field}は次のいずれかにしてください: {choices}',
  },
  'not-versions': {
    en: "{field} must give each row's version as the sidebar showed it. Reload the sidebar and try again.",
    ja: '{field}には、サイドバーに表示された各行のバージョンが必要です。サイドバーを再読み込みしてやり直してください。',
  },
  'not-list': {
    en: '{field} must be a list of IDs.',
    ja: '{field}はIDのリストにしてください。',
  },
  'list-empty': {
    en: 'Choose at least one row for {field}.',
    ja: '{field}を1行以上選んでください。',
  },
  'list-too-long': {
    en: '{field} has too many entries ({length}); at most {max} at once.',
    ja: '{field}の件数が多すぎます（{length}件）。一度に{max}件までです。',
  },
  'not-email': {
    en: '{field} must be one email address (for example ana@example.com), not a name or a list.',
    ja: '{field}はメールアドレスを1つだけ入力してください（例: ana@example.com）。名前や複数の指定はできません。',
  },
  'not-date': {
    en: '{field} must be a date like 2026-12-31.',
    ja: '{field}は 2026-12-31 のような日付で入力してください。',
  },
  'id-unknown': {
    en: 'There is no row with ID {id} in the OKRs tab (it may have been deleted or renamed). The sidebar has been refreshed.',
    ja: 'OKRsタブにID {id} の行がありません（削除または変更された可能性があります）。サイドバーを更新しました。',
  },
  'id-not-key-result': {
    en: '{id} is an objective, not a key result. Choose a key result.',
    ja: '{id}は目標であり、主要な結果ではありません。主要な結果を選んでください。',
  },
  'id-not-objective': {
    en: '{id} is not an objective. Choose an objective for the new key result.',
    ja: '{id}は目標ではありません。新しい主要な結果の目標を選んでください。',
  },
  'owner-not-in-team': {
    en: '{email} is not in the Team tab. Add the person to Team first, or choose someone listed there.',
    ja: '{email} はTeamタブにいません。先にTeamに追加するか、Teamにいる人を選んでください。',
  },
  'milestone-value': {
    en: '{id} is a milestone: its value is either done ({done}) or not done ({notDone}).',
    ja: '{id}はマイルストーンです。値は完了（{done}）か未完了（{notDone}）のどちらかです。',
  },
  'no-identity': {
    en: 'Google did not tell the add-on who you are (this happens when signed in to several accounts or across domains). Sign in with only your work account and reopen the sidebar.',
    ja: 'Googleからあなたのアカウントを取得できませんでした（複数アカウントでログインしている場合などに起こります）。仕事用アカウントだけでログインし、サイドバーを開き直してください。',
  },
  'not-owner': {
    en: 'Only the owner of {id} ({owner}) or a Lead can do this. You are signed in as {email}.',
    ja: '{id}の操作ができるのはオーナー（{owner}）またはリードだけです。現在のアカウント: {email}',
  },
  unowned: {
    en: '{id} has no owner yet. Ask a Lead to assign it (Assign view), then the owner can accept and check in.',
    ja: '{id}にはまだオーナーがいません。リードに割り当てを依頼してください（「割り当て」画面）。その後、オーナーが承諾してチェックインできます。',
  },
  'not-lead': {
    en: 'Only a Lead (Role "Lead" in the Team tab) can do this. Ask a Lead, or ask them to give you the Lead role.',
    ja: 'この操作はリード（TeamタブのRoleが「Lead」の人）だけができます。リードに依頼するか、リードの役割を付けてもらってください。',
  },
  // The parser's problem (already in the caller's language) and what to do.
  'header-conflict': {
    en: 'Nothing was saved. {problem} {hint}',
    ja: '何も保存していません。{problem}{hint}',
  },
  'not-set-up': {
    en: 'This spreadsheet has no OKRs tab yet. Run Extensions → OKR Owners → Set up OKR sheet.',
    ja: 'このスプレッドシートにはまだOKRsタブがありません。「拡張機能 → OKR Owners → OKRシートを設定」を実行してください。',
  },
  'column-missing': {
    en: 'The OKRs tab has no "{column}" column, so nothing was saved for {id}. Run Extensions → OKR Owners → Set up OKR sheet to add it, then try again.',
    ja: 'OKRsタブに「{column}」列がないため、{id}には何も保存していません。「拡張機能 → OKR Owners → OKRシートを設定」で列を追加してから、やり直してください。',
  },
  changed: {
    en: 'This key result changed since you opened it (someone else edited, sorted or checked in) — refreshed. Check the new values and try again.',
    ja: 'この主要な結果は開いた後に変更されました（他の人の編集・並べ替え・チェックイン）— 更新しました。新しい値を確認してやり直してください。',
  },
  busy: {
    en: 'Someone else is saving right now. Wait a moment and try again.',
    ja: '他の人が保存中です。少し待ってからやり直してください。',
  },
  'already-accepted': {
    en: '{id} is already accepted.',
    ja: '{id}はすでに承諾済みです。',
  },
  'no-owner': {
    en: '{id} has no owner to accept or decline.',
    ja: '{id}には承諾・辞退するオーナーがいません。',
  },
  'target-equals-start': {
    en: 'Target equals Start, so progress cannot be measured. Choose a different target.',
    ja: '目標値が開始値と同じため進捗を測れません。別の目標値にしてください。',
  },
  'cell-invalid': {
    en: 'That cell cannot be selected ({cell}). Refresh the problems and try again.',
    ja: 'そのセルは選択できません（{cell}）。問題一覧を更新してやり直してください。',
  },
  'checked-in': {
    en: 'Checked in on {id}.',
    ja: '{id}のチェックインを保存しました。',
  },
  accepted: {
    en: 'You accepted {id}.',
    ja: '{id}を承諾しました。',
  },
  declined: {
    en: 'Declined {id}; the owner was cleared and a Lead will reassign it.',
    ja: '{id}を辞退しました。オーナーを空にしました。リードが割り当て直します。',
  },
  assigned: {
    en: 'Assigned {count} {count|row|rows} to {owner}; they need to accept.',
    ja: '{count}行を{owner}に割り当てました。本人の承諾が必要です。',
  },
  'added-objective': {
    en: 'Added objective {id}.',
    ja: '目標{id}を追加しました。',
  },
  'added-key-result': {
    en: 'Added key result {id}.',
    ja: '主要な結果{id}を追加しました。',
  },
  'settings-saved': {
    en: 'Settings saved.',
    ja: '設定を保存しました。',
  },
  'agreements-missing': {
    en: 'This sheet has no Agreements tab yet. Ask a Lead to run Extensions → OKR Owners → Set up OKR sheet.',
    ja: 'このシートにはまだ合意タブがありません。リードに「拡張機能 → OKR Owners → OKRシートをセットアップ」の実行を依頼してください。',
  },
  'agreement-no-owner': {
    en: '{id} has no owner, so there is nothing to agree. A Lead assigns it first.',
    ja: '{id}には担当者がいないため、合意するものがありません。先にリードが割り当ててください。',
  },
  'agreement-not-owner': {
    en: 'Only the owner of {id} ({owner}) can do this.',
    ja: 'これを行えるのは{id}の担当者（{owner}）だけです。',
  },
  'agreement-not-approver': {
    en: 'You cannot answer this proposal: it waits for {approver}.',
    ja: 'この提案には回答できません。{approver}の回答待ちです。',
  },
  'agreement-own-proposal': {
    en: 'Nobody approves their own proposal: {approver} answers it.',
    ja: '自分の提案は承認できません。{approver}が回答します。',
  },
  'agreement-nothing-to-answer': {
    en: '{id} has no proposal waiting for an answer.',
    ja: '{id}には回答待ちの提案がありません。',
  },
  'agreement-waiting-for-approver': {
    en: 'Your proposal for {id} is waiting for {approver}; wait for their answer.',
    ja: '{id}の提案は{approver}の回答待ちです。回答をお待ちください。',
  },
  'agreement-same-figures': {
    en: 'These are the figures already on the table. Change the target, start or due date, or accept as is.',
    ja: 'すでに提示されている数値と同じです。目標値・開始値・期限のいずれかを変えるか、そのまま承諾してください。',
  },
  'agreement-proposed': {
    en: 'Proposed for {id}; {approver} will answer.',
    ja: '{id}について提案しました。{approver}が回答します。',
  },
  'agreement-agreed': {
    en: 'Agreed {id}: {figures}.',
    ja: '{id}に合意しました：{figures}。',
  },
  'agreement-countered': {
    en: 'Sent your counter for {id} back to {owner}.',
    ja: '{id}の対案を{owner}さんに返しました。',
  },
  'agreement-refused': {
    en: 'Refused the proposal for {id}; {owner} may accept the original or decline.',
    ja: '{id}の提案を却下しました。{owner}さんは元の数値で承諾するか辞退できます。',
  },
  'cycle-closed': {
    en: '{id} belongs to {cycle}, which is closed: its results are final. Ask a Lead to carry it into the next cycle if work goes on.',
    ja: '{id}は終了したサイクル{cycle}に属しています。結果は確定済みです。作業を続ける場合は、リードに次のサイクルへ引き継いでもらってください。',
  },
  'cycle-unknown': {
    en: 'No key result in the OKRs tab has the cycle "{cycle}". Choose a cycle from the list.',
    ja: 'OKRsタブにサイクル「{cycle}」の主要な結果がありません。一覧からサイクルを選んでください。',
  },
  'cycle-already-closed': {
    en: '{cycle} is already closed.',
    ja: '{cycle}はすでに終了しています。',
  },
  'cycle-not-closed': {
    en: '{cycle} is not closed yet. Close it first; then unfinished key results can be carried over.',
    ja: '{cycle}はまだ終了していません。先にサイクルを終了すると、未完了の主要な結果を引き継げます。',
  },
  'cycle-same': {
    en: 'Carry into another cycle than {cycle}.',
    ja: '{cycle}以外のサイクルを引き継ぎ先にしてください。',
  },
  'cycle-closed-done': {
    en: 'Closed {cycle}: {count} {count|key result|key results} scored. Owners are asked for a retrospective.',
    ja: '{cycle}を終了しました。主要な結果{count}件を採点しました。オーナーに振り返りを依頼します。',
  },
  'rolled-over': {
    en: 'Carried {count} {count|key result|key results} into {cycle} ({ids}). Owners are asked to agree again.',
    ja: '主要な結果{count}件を{cycle}へ引き継ぎました（{ids}）。オーナーにあらためて合意を依頼します。',
  },
  'nothing-to-roll-over': {
    en: 'Nothing to carry over: {reason}',
    ja: '引き継ぐものがありません: {reason}',
  },
  'no-result': {
    en: '{id} has no result in {cycle} (the cycle was closed before it was added). Nothing was saved.',
    ja: '{id}には{cycle}の結果がありません（追加される前にサイクルが終了しました）。保存していません。',
  },
  'retrospective-saved': {
    en: 'Saved the retrospective of {id}.',
    ja: '{id}の振り返りを保存しました。',
  },
  'score-reason-missing': {
    en: 'Say why the score of {id} differs from the computed {computed}.',
    ja: '{id}のスコアを計算値{computed}から変える理由を書いてください。',
  },
  'results-tab-invalid': {
    en: 'The Results tab has no Cycle or ID column. Rename or remove that tab and try again.',
    ja: 'Resultsタブに「サイクル」または「ID」の列がありません。タブの名前を変えるか削除してから、やり直してください。',
  },
  'cycle-reopened': {
    en: '{cycle} is open again: its rows can be changed, and Check problems no longer compares them with the Results tab. Close it again to record the new scores.',
    ja: '{cycle}を再開しました。行を変更でき、「問題をチェック」はResultsタブとの比較をしなくなります。変更後にもう一度締めると新しいスコアが記録されます。',
  },
  'cycle-not-closed-reopen': {
    en: '{cycle} is not closed, so there is nothing to reopen.',
    ja: '{cycle}は締めていないため、再開するものはありません。',
  },
};

/** Localized names of request fields, so messages say "Note" / "メモ" rather than "note". */
export const FIELD_NAMES: MessageTable<
  | 'request'
  | 'id'
  | 'ids'
  | 'current'
  | 'confidence'
  | 'note'
  | 'reason'
  | 'email'
  | 'title'
  | 'owner'
  | 'cycle'
  | 'due'
  | 'objectiveId'
  | 'kind'
  | 'start'
  | 'target'
  | 'unit'
  | 'version'
  | 'versions'
  | 'column'
  | 'cell'
  | 'language'
  | 'staleDays'
  | 'overloadLimit'
  | 'weeklyDay'
  | 'weeklyHour'
  | 'conversationRuns'
  | 'manager'
  | 'choice'
  | 'fiscalYearStartMonth'
  | 'paceMargin'
  | 'summaryCycle'
  | 'answer'
  | 'to'
  | 'score'
  | 'happened'
  | 'learned'
> = {
  request: { en: 'The request', ja: 'リクエスト' },
  id: { en: 'ID', ja: 'ID' },
  ids: { en: 'Rows', ja: '行' },
  current: { en: 'Current value', ja: '現在値' },
  confidence: { en: 'Confidence', ja: '自信度' },
  note: { en: 'Note', ja: 'メモ' },
  reason: { en: 'Reason', ja: '理由' },
  email: { en: 'Owner', ja: 'オーナー' },
  title: { en: 'Title', ja: 'タイトル' },
  owner: { en: 'Owner', ja: 'オーナー' },
  cycle: { en: 'Cycle', ja: 'サイクル' },
  due: { en: 'Due', ja: '期限' },
  objectiveId: { en: 'Objective', ja: '目標' },
  kind: { en: 'Kind', ja: '種類' },
  start: { en: 'Start', ja: '開始値' },
  target: { en: 'Target', ja: '目標値' },
  unit: { en: 'Unit', ja: '単位' },
  version: { en: 'Version', ja: 'バージョン' },
  versions: { en: 'Versions', ja: 'バージョン' },
  column: { en: 'Column', ja: '列' },
  cell: { en: 'Cell', ja: 'セル' },
  language: { en: 'Language', ja: '言語' },
  staleDays: { en: 'Stale after (days)', ja: '停滞とみなす日数' },
  overloadLimit: { en: 'Overload limit', ja: '担当数の上限' },
  weeklyDay: { en: 'Weekly email day', ja: '週次メールの曜日' },
  weeklyHour: { en: 'Weekly email hour', ja: '週次メールの時刻' },
  conversationRuns: {
    en: 'Weeks stale before the manager is asked',
    ja: 'マネージャーに知らせるまでの停滞週数',
  },
  manager: { en: 'Manager', ja: 'マネージャー' },
  choice: { en: 'Your weekly email', ja: 'あなたの週次メール' },
  fiscalYearStartMonth: { en: 'Fiscal year starts in', ja: '年度の開始月' },
  paceMargin: { en: 'Behind pace after (points)', ja: 'ペース遅れとみなす差（ポイント）' },
  summaryCycle: { en: 'Cycle in the Summary', ja: 'サマリーのサイクル' },
  answer: { en: 'Answer', ja: '回答' },
  to: { en: 'Next cycle', ja: '引き継ぎ先のサイクル' },
  score: { en: 'Score', ja: 'スコア' },
  happened: { en: 'What happened', ja: '起きたこと' },
  learned: { en: 'What we learned', ja: '学んだこと' },
};

export type FieldName = keyof typeof FIELD_NAMES;
