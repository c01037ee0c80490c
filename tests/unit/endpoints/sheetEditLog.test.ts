// The Check-ins rows and the flag for Current/Confidence typed straight into the sheet, en and ja.
import { sheetEditEntries } from '../../../src/endpoints/sheetEditLog';
import { NOW, okrSheet } from './sidebar/fixtures';

const kr = (id: string) => okrSheet().keyResults.find((k) => k.id === id)!;

test('an edit whose editor Google hides: "edited in the sheet", old → new, no flag', () => {
  const { entries, toast } = sheetEditEntries(
    [{ kr: kr('O1.1'), columns: ['current'], old: '28', flagged: false }],
    { editor: '', now: NOW, lang: 'en' },
  );
  expect(entries).toEqual([
    {
      time: NOW,
      id: 'O1.1',
      by: 'edited in the sheet',
      current: 30,
      progress: 50,
      confidence: 'on-track',
      note: 'Edited in the sheet: Current 28 → 30',
    },
  ]);
  expect(toast).toBe('');
});

test('a flagged edit names the row, the editor and the owner, in English and Japanese', () => {
  const values = [
    { kr: kr('O1.1'), columns: ['current' as const, 'confidence' as const], old: null, flagged: true },
    { kr: kr('O1.2'), columns: ['current' as const, 'confidence' as const], old: null, flagged: true },
  ];
  const en = sheetEditEntries(values, { editor: 'ben@example.com', now: NOW, lang: 'en' });
  expect(en.entries[0]).toMatchObject({
    by: 'ben@example.com',
    note: 'Edited in the sheet: Current, Confidence (not by the owner, ana@example.com)',
  });
  expect(en.toast).toBe(
    'ben@example.com changed Current, Confidence of O1.1 in the sheet, but O1.1 is owned by ana@example.com: owners check in from the sidebar (Extensions → OKR Owners). The change is logged in Check-ins.\n+1 more',
  );
  const ja = sheetEditEntries(values, { editor: 'ben@example.com', now: NOW, lang: 'ja' });
  expect(ja.entries[0].note).toBe(
    'シートで直接編集: 現在値、自信度（オーナーana@example.com以外による編集）',
  );
  expect(ja.toast).toBe(
    'ben@example.comさんがシートでO1.1の現在値、自信度を変更しましたが、O1.1のオーナーはana@example.comです。チェックインはオーナーがサイドバー（拡張機能 → OKR Owners）から行います。変更はCheck-insに記録しました。\nほかに1件',
  );
});
