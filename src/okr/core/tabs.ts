// The add-on's tabs. Names are fixed (the add-on creates them); readers also accept these aliases
// so a sheet a team renamed by hand is still found.
export const TAB = {
  okrs: 'OKRs',
  team: 'Team',
  checkIns: 'Check-ins',
  summary: 'Summary',
  agreements: 'Agreements',
  /** The cycle's results log: final scores and retrospectives (src/okr/cycle/results.ts). */
  results: 'Results',
} as const;

export type TabKey = keyof typeof TAB;

export const TAB_ALIASES: Record<TabKey, string[]> = {
  okrs: ['OKRs', 'OKR', 'Objectives', 'OKRs 2026', '目標', 'OKR一覧'],
  team: ['Team', 'People', 'Members', 'チーム', 'メンバー'],
  checkIns: ['Check-ins', 'Checkins', 'Check ins', 'Log', 'チェックイン'],
  summary: ['Summary', 'サマリー'],
  agreements: ['Agreements', 'Agreement log', 'Agreement history', '合意', '合意ログ', '合意履歴'],
  results: ['Results', 'Scores', 'Cycle results', '結果', 'スコア'],
};
