import { chooseLanguage } from '../../../../src/okr/core/language';

test('a person’s Team language, then the setting, then the locale, then English', () => {
  expect(chooseLanguage({ person: 'ja', setting: 'en', locale: 'en_US' })).toBe('ja');
  expect(chooseLanguage({ person: null, setting: 'ja', locale: 'en_US' })).toBe('ja');
  expect(chooseLanguage({ setting: 'auto', locale: 'ja_JP' })).toBe('ja');
  expect(chooseLanguage({ setting: 'auto', locale: null })).toBe('en');
  expect(chooseLanguage({ setting: 'auto' })).toBe('en');
});

test('the locale is asked only when the setting is auto', () => {
  const locale = jest.fn(() => 'ja');
  expect(chooseLanguage({ setting: 'en', locale })).toBe('en');
  expect(locale).not.toHaveBeenCalled();
  expect(chooseLanguage({ setting: 'auto', locale })).toBe('ja');
  expect(locale).toHaveBeenCalledTimes(1);
});

test('on auto, Japanese headers on the OKRs tab decide before the locale; English ones do not', () => {
  const ja = ['ID', '種類', 'タイトル', '担当者', '目標値'];
  const en = ['ID', 'Type', 'Title', 'Owner', 'Target'];
  expect(chooseLanguage({ setting: 'auto', headers: ja, locale: 'en_US' })).toBe('ja');
  expect(chooseLanguage({ setting: 'auto', headers: en, locale: 'ja_JP' })).toBe('ja');
  expect(chooseLanguage({ setting: 'auto', headers: en, locale: 'en_US' })).toBe('en');
  // The Language setting and a person's own language still come first.
  expect(chooseLanguage({ setting: 'en', headers: ja, locale: 'ja_JP' })).toBe('en');
  expect(chooseLanguage({ person: 'en', setting: 'auto', headers: ja })).toBe('en');
  // The locale is not asked when the headers decide.
  const locale = jest.fn(() => 'en_US');
  expect(chooseLanguage({ setting: 'auto', headers: ja, locale })).toBe('ja');
  expect(locale).not.toHaveBeenCalled();
});
