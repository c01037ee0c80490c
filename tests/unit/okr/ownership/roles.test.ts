import { callerRoles, canActOn, canManage, isLead, leadsListed } from '../../../../src/okr/ownership/roles';

const person = (email: string, role: 'member' | 'lead' | 'leadership') => ({ email, role });
const withLead = [
  person('lead@x.com', 'lead'),
  person('ana@x.com', 'member'),
  person('boss@x.com', 'leadership'),
];
const noLead = [person('ana@x.com', 'member'), person('boss@x.com', 'leadership')];

test('a hidden identity never manages, with or without Leads', () => {
  expect(canManage('', withLead)).toBe(false);
  expect(canManage('', noLead)).toBe(false);
  expect(canManage('  ', [])).toBe(false);
  expect(callerRoles('', noLead)).toEqual({ email: '', person: null, isLead: false, canManage: false });
});

test('while nobody has the Lead role anyone signed in manages; then only Leads', () => {
  expect(leadsListed(noLead)).toBe(false);
  expect(canManage('ana@x.com', noLead)).toBe(true);
  expect(canManage('stranger@x.com', [])).toBe(true);
  expect(leadsListed(withLead)).toBe(true);
  expect(canManage(' LEAD@x.com ', withLead)).toBe(true);
  expect(isLead('lead@x.com', withLead)).toBe(true);
  expect(canManage('ana@x.com', withLead)).toBe(false);
  expect(canManage('boss@x.com', withLead)).toBe(false);
});

test('a row is acted on by its owner or a Lead, never by a hidden identity', () => {
  expect(canActOn(callerRoles('ana@x.com', withLead), 'ana@x.com')).toBe(true);
  expect(canActOn(callerRoles('lead@x.com', withLead), 'ana@x.com')).toBe(true);
  expect(canActOn(callerRoles('boss@x.com', withLead), 'ana@x.com')).toBe(false);
  expect(canActOn(callerRoles('', withLead), null)).toBe(false);
  expect(canActOn({ email: '', isLead: true }, null)).toBe(false);
});
