import { format, langFromLocale } from '../../../../src/okr/core/i18n';

describe('format', () => {
  test('fills named parameters and leaves unknown ones visible', () => {
    expect(format('{n} of {total}', { n: 3, total: 9 })).toBe('3 of 9');
    expect(format('{n} of {missing}', { n: 3 })).toBe('3 of {missing}');
  });
  test('{n|one|other} picks the singular only for exactly 1', () => {
    const template = '{n} key {n|result|results} need{n|s|} you';
    expect(format(template, { n: 1 })).toBe('1 key result needs you');
    expect(format(template, { n: 0 })).toBe('0 key results need you');
    expect(format(template, { n: 2 })).toBe('2 key results need you');
    expect(format(template, { n: '1' })).toBe('1 key result needs you');
  });
});

test('langFromLocale: Japanese locales in any spelling, English otherwise', () => {
  expect(['ja', 'ja_JP', 'ja-JP', 'en_US', '', null].map(langFromLocale)).toEqual([
    'ja',
    'ja',
    'ja',
    'en',
    'en',
    'en',
  ]);
});
