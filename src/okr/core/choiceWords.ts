// The words the add-on WRITES for a Type, Kind or Confidence, in the sheet's language (a Japanese
// sheet gets 目標 / 主要な結果, 増加 / 減少 / 以上 / 以下 / マイルストーン, 順調 / 要注意 / 遅れ).
// The English words are the first of each reading table in parseValues.ts, and every word here is
// one those tables read back (tests/unit/okr/core/choiceWords.test.ts), so whatever the add-on
// writes in either language, every reader understands.
import type { Confidence, Kind, Lang } from './model';
import { CONFIDENCE_WORDS, KIND_WORDS, readConfidence, readKind, readType, TYPE_WORDS } from './parseValues';

type ChoiceKeys = {
  type: 'objective' | 'key-result';
  kind: Kind;
  confidence: Confidence;
};
export type ChoiceField = keyof ChoiceKeys;

const JA: { [F in ChoiceField]: Record<ChoiceKeys[F], string> } = {
  type: { objective: '目標', 'key-result': '主要な結果' },
  kind: {
    increase: '増加',
    decrease: '減少',
    'at-least': '以上',
    'at-most': '以下',
    milestone: 'マイルストーン',
  },
  confidence: { 'on-track': '順調', 'at-risk': '要注意', 'off-track': '遅れ' },
};

const EN: { [F in ChoiceField]: Record<ChoiceKeys[F], readonly string[]> } = {
  type: TYPE_WORDS,
  kind: KIND_WORDS,
  confidence: CONFIDENCE_WORDS,
};

/** The word written for a choice in `lang`. */
export function choiceWord<F extends ChoiceField>(field: F, key: ChoiceKeys[F], lang: Lang): string {
  return lang === 'ja' ? JA[field][key] : EN[field][key][0];
}

/** Every choice of a field in `lang`, in the reading tables' order (set-up's dropdowns). */
export function choiceWords(field: ChoiceField, lang: Lang): string[] {
  return (Object.keys(JA[field]) as Array<ChoiceKeys[typeof field]>).map((k) =>
    choiceWord(field, k as never, lang),
  );
}

const READ: { [F in ChoiceField]: (v: unknown) => ChoiceKeys[F] | null | undefined } = {
  type: readType,
  kind: readKind,
  confidence: readConfidence,
};

/**
 * A row's values with each Type, Kind and Confidence word in the sheet's language. The writers plan
 * in English; a Japanese sheet gets the Japanese word for the same choice. English sheets are left
 * exactly as planned; a value that names no choice is left as it is.
 */
export function inSheetLanguage<P extends Partial<Record<string, unknown>>>(values: P, lang: Lang): P {
  if (lang !== 'ja') return values;
  const out: Record<string, unknown> = { ...values };
  for (const field of Object.keys(JA) as ChoiceField[]) {
    const v = out[field];
    if (typeof v !== 'string' || !v) continue;
    const key = READ[field](v);
    if (key) out[field] = choiceWord(field, key as never, lang);
  }
  return out as P;
}
