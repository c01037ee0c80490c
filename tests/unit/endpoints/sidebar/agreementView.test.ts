// The agreement view model names people as My team does (src/okr/core/displayName.ts): the Name in
// Team, else the email (a blank Name, or someone not in Team), beside the emails it already carries.
import { agreementsState, agreementView } from '../../../../src/endpoints/sidebar/agreementView';
import { buildTeamView } from '../../../../src/endpoints/sidebar/teamView';
import type { AgreementEntry } from '../../../../src/okr/ownership/agreementLog';
import { kr, NOW, person } from '../../okr/weekly/fixtures';

const ANA = 'ana@example.com';
const MIA = 'mia@example.com';
const LEE = 'lee@example.com';
const GONE = 'gone@example.com';

// Ana has a name; Mia, her Manager, has none; Lee is a Lead; gone@ left Team.
const people = [
  person(ANA, { name: 'Ana Sato', manager: MIA }),
  person(MIA, { name: '' }),
  person(LEE, { name: 'Lee', role: 'lead' }),
];

const step = (s: AgreementEntry['step'], by: string, minutes: number): AgreementEntry => ({
  time: NOW - 60_000 * (100 - minutes),
  id: 'O1.1',
  step: s,
  by,
  owner: ANA,
  from: { target: 100, start: 0, due: null },
  to: s === 'accepted' ? null : { target: 80, start: 0, due: null },
  reason: '',
});

const entries = [step('accepted', GONE, 1), step('proposed', ANA, 2), step('countered', MIA, 3)];
const input = { people, caller: ANA, timeZone: 'UTC', lang: 'en' as const };

test('each person carries a name beside the email: Team’s Name, else the email (blank Name, not in Team)', () => {
  const v = agreementView(kr('O1.1', 'O1', ANA), entries, input);
  // The emails stay in the data.
  expect([v.owner, v.offeredBy, v.approver, v.history.map((h) => h.by)]).toEqual([
    ANA,
    MIA,
    MIA,
    [GONE, ANA, MIA],
  ]);
  // A name in Team: the name.
  expect(v.ownerName).toBe('Ana Sato');
  // In Team without a name: the email.
  expect([v.offeredByName, v.approverName]).toEqual([MIA, MIA]);
  // Not in Team (or in Team without a name): the email.
  expect(v.history.map((h) => h.byName)).toEqual([GONE, 'Ana Sato', MIA]);
});

test('the name My team shows is the name the agreement views show (one rule)', () => {
  const team = buildTeamView({
    okrs: { objectives: [], keyResults: [kr('O1.1', 'O1', ANA, { confidence: 'off-track' })] },
    people,
    now: NOW,
    staleDays: 14,
    conversationRuns: 2,
  });
  const view = agreementView(kr('O1.1', 'O1', ANA), entries, input);
  expect(team.groups[0].items[0].ownerName).toBe(view.ownerName);
});

test('a Lead approves (no Manager): no approver name; a long name is cut as My team cuts it', () => {
  const long = 'Ana '.repeat(40).trim();
  const solo = [person(ANA, { name: long }), people[2]];
  const v = agreementView(kr('O1.1', 'O1', ANA), [step('proposed', ANA, 2)], { ...input, people: solo });
  expect([v.approver, v.approverName]).toEqual(['', '']);
  expect(v.ownerName).toHaveLength(80);
  expect(v.ownerName.endsWith('…')).toBe(true);
});

test('the whole state’s lists name people the same way', () => {
  const state = agreementsState({
    ...input,
    caller: MIA,
    okrs: { keyResults: [kr('O1.1', 'O1', ANA)] },
    entries: entries.slice(0, 2),
  });
  expect(state.waiting.map((v) => [v.id, v.waitsFor, v.ownerName, v.offeredByName, v.approverName])).toEqual([
    ['O1.1', 'me-approver', 'Ana Sato', 'Ana Sato', MIA],
  ]);
});
