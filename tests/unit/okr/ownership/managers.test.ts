// Who manages whom, from Team's Manager column: by email, else by a name only one member has.
import { reportsByManager, reportsOf } from '../../../../src/okr/ownership/managers';
import { person } from '../weekly/fixtures';

const mia = person('mia@example.com', { name: 'Mia Manager' });

test('a Manager cell names the manager by email, without case or spaces', () => {
  const ann = person('ann@example.com', { manager: ' MIA@example.com ' });
  const ben = person('ben@example.com', { manager: 'mia@example.com' });
  const cat = person('cat@example.com', { manager: 'someone@example.com' });
  expect(reportsOf('mia@example.com', [mia, ann, ben, cat]).map((p) => p.email)).toEqual([
    'ann@example.com',
    'ben@example.com',
  ]);
  expect(reportsOf('ann@example.com', [mia, ann, ben, cat])).toEqual([]);
});

test('or by name, when only one member has that name', () => {
  const ann = person('ann@example.com', { manager: 'mia manager' });
  expect(reportsOf('mia@example.com', [mia, ann]).map((p) => p.email)).toEqual(['ann@example.com']);
  const twin = person('mia2@example.com', { name: 'Mia Manager' });
  expect(reportsByManager([mia, twin, ann]).size).toBe(0);
});

test('nobody manages themselves, an unknown or hidden manager manages nobody', () => {
  const self = person('mia@example.com', { name: 'Mia Manager', manager: 'mia@example.com' });
  expect(reportsOf('mia@example.com', [self])).toEqual([]);
  expect(reportsOf('', [mia, person('ann@example.com', { manager: '' })])).toEqual([]);
  expect(reportsOf('nobody@example.com', [mia])).toEqual([]);
});
