// One rule names a person on screen (src/okr/core/displayName.ts): the views, the weekly emails and
// the Summary all call it, so a person is called the same everywhere.
import { displayNames, nameOrEmail } from '../../../../src/okr/core/displayName';

test('Team’s Name, else the email: a blank Name and someone not in Team give the email', () => {
  expect(nameOrEmail({ name: 'Ann Lee' }, 'ann@example.com')).toBe('Ann Lee');
  expect(nameOrEmail({ name: '' }, 'ann@example.com')).toBe('ann@example.com');
  expect(nameOrEmail(undefined, 'ann@example.com')).toBe('ann@example.com');
  const nameOf = displayNames([
    { name: 'Ann Lee', email: 'ann@example.com' },
    { name: '', email: 'bo@example.com' },
  ]);
  expect(['ann@example.com', 'bo@example.com', 'cy@example.com'].map(nameOf)).toEqual([
    'Ann Lee',
    'bo@example.com',
    'cy@example.com',
  ]);
});

test('two people of one Name are named with their email beside it; the others by their Name', () => {
  const nameOf = displayNames([
    { name: 'Ana', email: 'ana@example.com' },
    { name: 'Ana', email: 'ana.b@example.com' },
    { name: 'Bo', email: 'bo@example.com' },
  ]);
  expect(['ana@example.com', 'ana.b@example.com', 'bo@example.com'].map(nameOf)).toEqual([
    'Ana (ana@example.com)',
    'Ana (ana.b@example.com)',
    'Bo',
  ]);
});
