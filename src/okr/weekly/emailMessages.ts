// Every word of the weekly emails, English and Japanese side by side.
import type { MessageTable } from '../core/i18n';

export type EmailMessageKey =
  | 'subjectPrefix'
  | 'testPrefix'
  | 'subjectCheckIn1'
  | 'subjectCheckIn'
  | 'subjectAccept1'
  | 'subjectAccept'
  | 'subjectAtRisk1'
  | 'subjectAtRisk'
  | 'subjectDueSoon1'
  | 'subjectDueSoon'
  | 'subjectAllGood'
  | 'subjectAllGood1'
  | 'subjectObjectives'
  | 'subjectObjectives1'
  | 'objectiveKeyResults'
  | 'greeting'
  | 'intro'
  | 'needsTitle'
  | 'allTitle'
  | 'allElseTitle'
  | 'youOwnObjective'
  | 'noObjective'
  | 'needPending'
  | 'needOffTrack'
  | 'needAtRisk'
  | 'needStale'
  | 'needNever'
  | 'needMissing'
  | 'needDueSoon'
  | 'progress'
  | 'confidence'
  | 'lastCheckIn'
  | 'change'
  | 'never'
  | 'noBaseline'
  | 'points'
  | 'checkInsThisWeek'
  | 'onTrack'
  | 'atRisk'
  | 'offTrack'
  | 'noConfidence'
  | 'unknownProgress'
  | 'openSheet'
  | 'whyOwner'
  | 'enabledBy'
  | 'howOff'
  | 'testNote'
  | 'digestSubject'
  | 'digestIntro'
  | 'hObjectivesOnTrack'
  | 'hAverage'
  | 'hAtRisk'
  | 'hStale'
  | 'hGaps'
  | 'hPending'
  | 'objectivesTitle'
  | 'colId'
  | 'colObjective'
  | 'colOwner'
  | 'colProgress'
  | 'colKeyResults'
  | 'colAtRisk'
  | 'colChange'
  | 'moversTitle'
  | 'attentionTitle'
  | 'noAttention'
  | 'shownOf'
  | 'noMovers'
  | 'noObjectives'
  | 'openSummary'
  | 'whyLeadership'
  | 'noOwner'
  | 'more'
  | 'teamTitle'
  | 'teamIntro'
  | 'teamConversation'
  | 'teamQuiet'
  | 'teamOwner'
  | 'whyManager'
  | 'howChoose'
  | 'subjectTeam1'
  | 'subjectTeam'
  | 'subjectTeamWeek'
  | 'paceExpected'
  | 'behindPace'
  | 'hBehindPace';

export const EMAIL_MESSAGES: MessageTable<EmailMessageKey> = {
  subjectPrefix: { en: 'OKRs: ', ja: 'OKR: ' },
  testPrefix: { en: '[Test] ', ja: '[テスト] ' },
  subjectCheckIn1: {
    en: '1 key result needs your check-in',
    ja: '1件の主要な結果がチェックインを待っています',
  },
  subjectCheckIn: {
    en: '{n} key results need your check-in',
    ja: '{n}件の主要な結果がチェックインを待っています',
  },
  subjectAccept1: {
    en: '1 key result waits for your acceptance',
    ja: '1件の主要な結果があなたの承認を待っています',
  },
  subjectAccept: {
    en: '{n} key results wait for your acceptance',
    ja: '{n}件の主要な結果があなたの承認を待っています',
  },
  subjectAtRisk1: { en: '1 key result is at risk', ja: '1件の主要な結果が要注意です' },
  subjectAtRisk: { en: '{n} key results are at risk', ja: '{n}件の主要な結果が要注意です' },
  subjectDueSoon1: { en: '1 key result is due within 14 days', ja: '1件の主要な結果の期限が14日以内です' },
  subjectDueSoon: {
    en: '{n} key results are due within 14 days',
    ja: '{n}件の主要な結果の期限が14日以内です',
  },
  subjectAllGood: { en: 'your {n} key results are up to date', ja: '{n}件の主要な結果はすべて最新です' },
  subjectAllGood1: { en: 'your key result is up to date', ja: '担当の主要な結果は最新です' },
  subjectObjectives: {
    en: 'this week on the {n} objectives you own',
    ja: '担当している{n}件の目標の今週の状況',
  },
  subjectObjectives1: { en: 'this week on the objective you own', ja: '担当している目標の今週の状況' },
  objectiveKeyResults: {
    en: '{n} key {n|result|results}, {risk} at risk or off track',
    ja: '主要な結果 {n}件（要注意・遅れ {risk}件）',
  },
  greeting: { en: 'Hi {name},', ja: '{name} さん' },
  intro: {
    en: 'Here is what you own in “{sheet}” this week ({date}).',
    ja: '「{sheet}」であなたが担当しているOKRの今週（{date}）のまとめです。',
  },
  needsTitle: { en: 'What needs you', ja: '対応が必要なもの' },
  allTitle: { en: 'Everything you own', ja: '担当しているすべてのOKR' },
  allElseTitle: { en: 'Everything else you own', ja: 'そのほかに担当しているOKR' },
  youOwnObjective: { en: 'You own this objective', ja: 'この目標の担当者はあなたです' },
  noObjective: { en: 'Key results without an objective', ja: '目標に紐づいていない主要な結果' },
  needPending: { en: 'waiting for you to accept ownership', ja: '担当の承認待ち' },
  needOffTrack: { en: 'off track', ja: '遅れ' },
  needAtRisk: { en: 'at risk', ja: '要注意' },
  needStale: { en: 'no check-in for {days} {days|day|days}', ja: '{days}日間チェックインなし' },
  needNever: { en: 'never checked in', ja: 'チェックイン未実施' },
  needMissing: {
    en: 'missing values (current, start or target)',
    ja: '値が未入力（現在値・開始値・目標値）',
  },
  needDueSoon: { en: 'due {date}', ja: '期限 {date}' },
  progress: { en: 'Progress', ja: '進捗' },
  confidence: { en: 'Confidence', ja: '自信度' },
  lastCheckIn: { en: 'Last check-in', ja: '最終チェックイン' },
  change: { en: 'Since last week', ja: '先週から' },
  never: { en: 'never', ja: 'なし' },
  noBaseline: { en: 'no earlier check-in', ja: '比較できるチェックインなし' },
  points: { en: '{sign}{n} pts', ja: '{sign}{n}ポイント' },
  checkInsThisWeek: { en: '{n} {n|check-in|check-ins} this week', ja: '今週のチェックイン {n}件' },
  onTrack: { en: 'On track', ja: '順調' },
  atRisk: { en: 'At risk', ja: '要注意' },
  offTrack: { en: 'Off track', ja: '遅れ' },
  noConfidence: { en: 'not set', ja: '未設定' },
  unknownProgress: { en: 'n/a', ja: '不明' },
  openSheet: { en: 'Open the spreadsheet', ja: 'スプレッドシートを開く' },
  whyOwner: {
    en: 'You get this email because you own objectives or key results in “{sheet}” and are listed in its Team tab.',
    ja: '「{sheet}」で目標または主要な結果を担当し、Teamタブに登録されているため、このメールが届いています。',
  },
  enabledBy: { en: 'Weekly emails were turned on by {by}.', ja: '週次メールは {by} が有効にしました。' },
  howOff: {
    en: 'To turn them off, a Lead opens the sheet → Extensions → OKR Owners → Open sidebar → Settings → untick “Send weekly emails”.',
    ja: '停止するには、リードがシートの「拡張機能」→「OKR Owners」→「サイドバーを開く」→「設定」→「週次メールを送る」のチェックを外します。',
  },
  testNote: {
    en: 'This is a test sent on request; the weekly run sends the same email to each owner.',
    ja: 'これはリクエストにより送信したテストです。週次の送信では各担当者に同じ内容が届きます。',
  },
  digestSubject: {
    en: 'OKR digest: {onTrack} of {objectives} {objectives|objective|objectives} on track, average progress {avg}',
    ja: 'OKRダイジェスト: 目標{objectives}件中{onTrack}件が順調、平均進捗{avg}',
  },
  digestIntro: {
    en: 'The state of the OKRs in “{sheet}” this week ({date}).',
    ja: '「{sheet}」のOKRの今週（{date}）の状況です。',
  },
  hObjectivesOnTrack: { en: 'Objectives on track', ja: '順調な目標' },
  hAverage: { en: 'Average progress', ja: '平均進捗' },
  hAtRisk: { en: 'Key results at risk or off track', ja: '要注意・遅れの主要な結果' },
  hStale: { en: 'Stale key results', ja: '更新が止まっている主要な結果' },
  hGaps: { en: 'Key results without a valid owner', ja: '有効な担当者がいない主要な結果' },
  hPending: { en: 'Ownership not yet accepted', ja: '担当が未承認' },
  objectivesTitle: { en: 'Objectives', ja: '目標' },
  colId: { en: 'ID', ja: 'ID' },
  colObjective: { en: 'Objective', ja: '目標' },
  colOwner: { en: 'Owner', ja: '担当者' },
  colProgress: { en: 'Progress', ja: '進捗' },
  colKeyResults: { en: 'KRs', ja: 'KR数' },
  colAtRisk: { en: 'At risk', ja: '要注意' },
  colChange: { en: 'Change', ja: '変化' },
  attentionTitle: { en: 'Needs attention', ja: '注意が必要なもの' },
  noAttention: {
    en: 'No key result is at risk or off track.',
    ja: '要注意・遅れの主要な結果はありません。',
  },
  shownOf: {
    en: '{shown} of {n}, those needing attention first.',
    ja: '{n}件中{shown}件（注意が必要なものから）。',
  },
  moversTitle: { en: 'What moved most since last week', ja: '先週から大きく動いたもの' },
  noMovers: { en: 'No key result moved since last week.', ja: '先週から動いた主要な結果はありません。' },
  noObjectives: { en: 'No objectives yet.', ja: '目標はまだありません。' },
  openSummary: { en: 'Open the Summary tab', ja: 'Summaryタブを開く' },
  whyLeadership: {
    en: 'You get this digest because you have the Leadership role in the Team tab of “{sheet}”.',
    ja: '「{sheet}」のTeamタブでLeadershipの役割が設定されているため、このダイジェストが届いています。',
  },
  noOwner: { en: '(no owner)', ja: '（担当者なし）' },
  more: { en: '…and {n} more in the spreadsheet.', ja: '…ほか{n}件はスプレッドシートでご覧ください。' },
  teamTitle: { en: 'Your team', ja: 'あなたのチーム' },
  teamIntro: {
    en: '{n} {n|person names|people name} you as their manager. These key results could use your support.',
    ja: '{n}人があなたをマネージャーとしています。次の主要な結果は、あなたのサポートが役立ちそうです。',
  },
  teamConversation: {
    en: 'Stale for {weeks} weekly emails in a row: a good moment to ask {name} how it is going and what would help.',
    ja: '{weeks}週続けて更新がありません。{name} さんに状況と、力になれることを聞いてみませんか。',
  },
  teamQuiet: {
    en: 'Nothing in your team needs you this week.',
    ja: '今週、チームで対応が必要なものはありません。',
  },
  teamOwner: { en: 'Owner: {name}', ja: '担当: {name}' },
  whyManager: {
    en: 'You get this email because people in the Team tab of “{sheet}” name you as their manager.',
    ja: '「{sheet}」のTeamタブであなたがマネージャーとして登録されているため、このメールが届いています。',
  },
  howChoose: {
    en: 'To choose your own weekly email (every week, only when something needs you, or never): sidebar → Settings → Your weekly email.',
    ja: '自分の週次メール（毎週・対応が必要なときだけ・受け取らない）は、サイドバーの「設定」→「あなたの週次メール」で選べます。',
  },
  subjectTeam1: {
    en: "1 of your team's key results could use a conversation",
    ja: 'チームの主要な結果1件について話す時間をとりませんか',
  },
  subjectTeam: {
    en: "{n} of your team's key results could use a conversation",
    ja: 'チームの主要な結果{n}件について話す時間をとりませんか',
  },
  subjectTeamWeek: { en: 'your team this week', ja: '今週のチームの状況' },
  paceExpected: { en: 'Expected {n}%', ja: '想定 {n}%' },
  behindPace: { en: 'behind pace', ja: 'ペース遅れ' },
  hBehindPace: { en: 'Key results behind pace', ja: 'ペースが遅れている主要な結果' },
};
