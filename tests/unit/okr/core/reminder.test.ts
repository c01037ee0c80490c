// The open reminder's count and sentence, shared by the onOpen toast and the sidebar's banner.
import { reminderCounts, reminderText } from '../../../../src/okr/core/reminder';

const items = [
  { needs: ['stale'] },
  { needs: ['missing-values', 'at-risk'] },
  { needs: ['pending'] },
  { needs: ['at-risk'] },
  { needs: [] },
];

test('check-in: stale or missing a value; acceptance: pending', () => {
  expect(reminderCounts(items)).toEqual({ checkIn: 2, accept: 1 });
});

test('one sentence in English and Japanese, nothing when nothing needs them', () => {
  expect(reminderText({ checkIn: 2, accept: 1 }, 'en')).toBe(
    '2 key results need your check-in · 1 waits for your acceptance',
  );
  expect(reminderText({ checkIn: 1, accept: 2 }, 'en')).toBe(
    '1 key result needs your check-in · 2 wait for your acceptance',
  );
  expect(reminderText({ checkIn: 0, accept: 1 }, 'ja')).toBe('1件があなたの承認を待っています');
  expect(reminderText({ checkIn: 0, accept: 0 }, 'en')).toBe('');
});
