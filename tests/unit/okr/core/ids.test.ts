import { nextKeyResultId, nextObjectiveId } from '../../../../src/okr/core/ids';

test('objectives continue past the highest number, never reusing a deleted one', () => {
  expect(nextObjectiveId([])).toBe('O1');
  expect(nextObjectiveId(['O1', 'O1.1', 'O3', 'O2.4'])).toBe('O4');
  expect(nextObjectiveId(['o7', 'Growth'])).toBe('O8');
});

test('key results are numbered under their objective', () => {
  expect(nextKeyResultId('O1', ['O1', 'O1.1', 'O1.3', 'O10.7', 'O2.9'])).toBe('O1.4');
  expect(nextKeyResultId('O10', ['O1.1', 'O10'])).toBe('O10.1');
  expect(nextKeyResultId('Growth', ['Growth', 'Growth.2'])).toBe('Growth.3');
  // Regex characters in a hand-made objective ID are taken literally.
  expect(nextKeyResultId('O(1)', ['O(1).1', 'Ox1x.5'])).toBe('O(1).2');
});
