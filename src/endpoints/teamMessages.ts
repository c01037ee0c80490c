// What My team, the open reminder and "Your weekly email" say, in English and Japanese.
import type { MessageTable } from '../okr/core/i18n';

export type TeamMessage =
  | 'not-a-manager'
  | 'not-your-team'
  | 'manager-unknown'
  | 'not-in-team'
  | 'choice-always'
  | 'choice-needed'
  | 'choice-never';

export const TEAM_MESSAGES: MessageTable<TeamMessage> = {
  'not-a-manager': {
    en: 'Nobody in the Team tab names you ({email}) as their Manager, so there is no team to show. A Lead fills in the Manager column.',
    ja: 'Teamタブであなた（{email}）をマネージャーとしている人がいないため、表示するチームがありません。マネージャー列はリードが入力します。',
  },
  'not-your-team': {
    en: 'Only {manager} or a Lead may see the team of {manager}.',
    ja: '{manager} のチームを見られるのは、本人かリードだけです。',
  },
  'manager-unknown': {
    en: '{manager} is not in the Team tab. Check the email.',
    ja: '{manager} はTeamタブにいません。メールアドレスを確認してください。',
  },
  'not-in-team': {
    en: 'You ({email}) are not in the Team tab, so no weekly email goes to you. Ask your OKR lead to add you.',
    ja: 'あなた（{email}）はTeamタブにいないため、週次メールは届きません。OKRリードに追加を依頼してください。',
  },
  'choice-always': {
    en: 'Saved: you get the weekly email every week.',
    ja: '保存しました: 週次メールを毎週受け取ります。',
  },
  'choice-needed': {
    en: 'Saved: you get the weekly email only in weeks when something needs you.',
    ja: '保存しました: 対応が必要な週だけ週次メールを受け取ります。',
  },
  'choice-never': {
    en: 'Saved: you get no weekly email. You can turn it back on here at any time.',
    ja: '保存しました: 週次メールを受け取りません。ここでいつでも戻せます。',
  },
};
