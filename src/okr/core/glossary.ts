// The add-on's words for its own concepts, one per language, so the sidebar, the emails, the Summary
// and the toasts call a thing by the same name (a leader reading 要注意 in the Summary and リスクあり
// in the sidebar would wonder whether they are two states). tests/unit/okr/core/glossary.test.ts
// scans every message table against it. Words people type in the sheet are read in many spellings
// (parseValues.ts); these are the words the add-on writes.
import type { Lang } from './model';

export interface Term extends Record<Lang, string> {
  /** Japanese words that must not be used for this concept (earlier or drifting variants). */
  notJa: readonly string[];
}

export const GLOSSARY = {
  onTrack: { en: 'On track', ja: '順調', notJa: [] },
  atRisk: { en: 'At risk', ja: '要注意', notJa: ['リスクあり', 'リスク有り', '危険'] },
  offTrack: { en: 'Off track', ja: '遅れ', notJa: ['遅延', '軌道外'] },
  keyResult: { en: 'Key result', ja: '主要な結果', notJa: ['成果指標', 'キーリザルト'] },
  objective: { en: 'Objective', ja: '目標', notJa: [] },
} as const satisfies Record<string, Term>;
