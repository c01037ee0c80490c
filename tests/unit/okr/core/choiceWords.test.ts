// The value vocabulary: what the add-on writes for Type, Kind and Confidence in each language, and
// that every word is read back to the same choice; the sheet's language from its header row.
import { choiceWord, choiceWords, inSheetLanguage } from '../../../../src/okr/core/choiceWords';
import { sheetLanguage } from '../../../../src/okr/core/language';
import { readConfidence, readKind, readType } from '../../../../src/okr/core/parseValues';
import { OKR_ALIASES, OKR_COLUMN_ORDER, OKR_HEADERS_JA } from '../../../../src/okr/core/schema';

describe('choice words', () => {
  test('Japanese values: 目標 / 主要な結果, 増加 … マイルストーン, 順調 / 要注意 / 遅れ', () => {
    expect(choiceWords('type', 'ja')).toEqual(['目標', '主要な結果']);
    expect(choiceWords('kind', 'ja')).toEqual(['増加', '減少', '以上', '以下', 'マイルストーン']);
    expect(choiceWords('confidence', 'ja')).toEqual(['順調', '要注意', '遅れ']);
    expect(choiceWords('type', 'en')).toEqual(['Objective', 'Key result']);
    expect(choiceWords('kind', 'en')).toEqual(['Increase', 'Decrease', 'At least', 'At most', 'Milestone']);
    expect(choiceWords('confidence', 'en')).toEqual(['On track', 'At risk', 'Off track']);
  });

  test('every word written, in both languages, is read back as its choice', () => {
    for (const lang of ['en', 'ja'] as const) {
      expect(readType(choiceWord('type', 'objective', lang))).toBe('objective');
      expect(readType(choiceWord('type', 'key-result', lang))).toBe('key-result');
      for (const k of ['increase', 'decrease', 'at-least', 'at-most', 'milestone'] as const)
        expect(readKind(choiceWord('kind', k, lang))).toBe(k);
      for (const c of ['on-track', 'at-risk', 'off-track'] as const)
        expect(readConfidence(choiceWord('confidence', c, lang))).toBe(c);
    }
  });

  test('inSheetLanguage: a Japanese sheet gets the Japanese word; English values are left as planned', () => {
    const planned = {
      type: 'Key result',
      kind: 'Increase',
      confidence: 'At risk',
      title: 'Increase sign-ups',
      current: 3,
    };
    expect(inSheetLanguage(planned, 'ja')).toEqual({
      type: '主要な結果',
      kind: '増加',
      confidence: '要注意',
      title: 'Increase sign-ups',
      current: 3,
    });
    expect(inSheetLanguage(planned, 'en')).toBe(planned);
    expect(inSheetLanguage({ confidence: null, kind: 'something else' }, 'ja')).toEqual({
      confidence: null,
      kind: 'something else',
    });
  });
});

describe('sheetLanguage', () => {
  test("set-up's Japanese headers are Japanese; its English headers are English", () => {
    expect(
      sheetLanguage(
        OKR_COLUMN_ORDER.map((c) => OKR_HEADERS_JA[c]),
        'en',
      ),
    ).toBe('ja');
    expect(
      sheetLanguage(
        OKR_COLUMN_ORDER.map((c) => OKR_ALIASES[c][0]),
        'ja',
      ),
    ).toBe('en');
  });
  test('mixed: the majority decides; no headers (or a tie) falls back', () => {
    expect(sheetLanguage(['ID', '種類', '親', 'Title', '担当者'], 'en')).toBe('ja');
    expect(sheetLanguage(['ID', 'Type', '担当者'], 'ja')).toBe('en');
    expect(sheetLanguage([], 'ja')).toBe('ja');
    expect(sheetLanguage(['', null, 42], 'en')).toBe('en');
    expect(sheetLanguage(['ID', '担当'], 'ja')).toBe('ja');
  });
});
