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
