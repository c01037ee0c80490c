// What the weekly-email endpoints tell the person who called them, in English and Japanese.
import type { MessageTable } from '../core/i18n';

export type WeeklyMessageKey =
  | 'noIdentity'
  | 'notLead'
  | 'notInTeam'
  | 'ownsNothing'
  | 'quota'
  | 'testSent'
  | 'busy'
  | 'noSpreadsheet'
  | 'sheetUnreadable'
  | 'nobodyToEmail'
  | 'noticeSubject'
  | 'noticeIntro'
  | 'noticeRetry'
  | 'noticeOpen'
  | 'noticeWhy';

export const WEEKLY_MESSAGES: MessageTable<WeeklyMessageKey> = {
  noIdentity: {
    en: 'Google did not tell the add-on who you are. Open the sheet signed in with your work account and try again.',
    ja: 'Googleからあなたのアカウントを取得できませんでした。仕事用アカウントでシートを開き直してから、もう一度お試しください。',
  },
  notLead: {
    en: 'Only a Lead (Role "Lead" in the Team tab) can turn weekly emails on or off. Ask a Lead, or set your Role to Lead if you run the OKRs.',
    ja: '週次メールのオン・オフはリード（TeamタブのRoleが「Lead」）だけが切り替えられます。リードに依頼するか、OKRの運営者ならRoleをLeadにしてください。',
  },
  notInTeam: {
    en: 'Your address {email} is not in the Team tab, and emails only go to Team members. Add yourself to Team, then try again.',
    ja: 'あなたのアドレス {email} はTeamタブにありません。メールはTeamのメンバーにだけ送られます。Teamに自分を追加してから、もう一度お試しください。',
  },
  ownsNothing: {
    en: 'You own no objective or key result, so there is no owner email to show you.',
    ja: 'あなたが担当している目標や主要な結果がないため、担当者向けメールはありません。',
  },
  quota: {
    en: "Today's email quota is used up; try again tomorrow.",
    ja: '本日のメール送信上限に達しました。明日もう一度お試しください。',
  },
  testSent: {
    en: 'Sent {n} test {n|email|emails} to {email}.',
    ja: '{email} にテストメールを{n}通送信しました。',
  },
  busy: {
    en: 'Someone else is changing the sheet right now. Try again in a few seconds.',
    ja: '他の人がシートを更新中です。数秒後にもう一度お試しください。',
  },
  noSpreadsheet: {
    en: 'Open the spreadsheet and run this from its Extensions menu.',
    ja: 'スプレッドシートを開き、「拡張機能」メニューから実行してください。',
  },
  // The weekly run's own problems: shown as the run's error in the sidebar and emailed to the Lead.
  sheetUnreadable: {
    en: 'Weekly emails could not be sent: {problems} They are tried again every hour.',
    ja: '週次メールを送信できませんでした: {problems} 1時間ごとに再試行します。',
  },
  nobodyToEmail: {
    en: 'Weekly emails could not be sent: nobody to email (no key result has an owner listed in Team, and nobody in Team has Role Leadership). They are tried again every hour.',
    ja: '週次メールを送信できませんでした: 送信先がいません（Teamに載っている担当者のいる主要な結果がなく、RoleがLeadershipの人もいません）。1時間ごとに再試行します。',
  },
  noticeSubject: {
    en: 'OKR Owners: this week’s emails are waiting ({sheet})',
    ja: 'OKR Owners: 今週のメールが送信待ちです（{sheet}）',
  },
  noticeIntro: {
    en: 'The weekly emails of "{sheet}" were due on {date}, but the add-on could not send them:',
    ja: '「{sheet}」の週次メールは{date}に送信予定でしたが、送信できませんでした:',
  },
  noticeRetry: {
    en: 'Nothing is lost: the add-on tries again every hour this week and sends each person their email once the problem is fixed. The sidebar’s Settings show the state.',
    ja: '送信内容は失われません。今週は1時間ごとに再試行し、問題が解決すれば各メンバーに1通ずつ送信します。状況はサイドバーの「設定」で確認できます。',
  },
  noticeOpen: { en: 'Open the spreadsheet', ja: 'スプレッドシートを開く' },
  noticeWhy: {
    en: 'You get this because you turned on weekly emails for "{sheet}".',
    ja: '「{sheet}」の週次メールをオンにしたため、このメールが届いています。',
  },
};
