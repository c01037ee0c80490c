// Who may do what comes from the caller's email and the Team tab only.
import {
  callerFrom,
  canActOn,
  canManage,
  requireActOn,
  requireManage,
} from '../../../src/endpoints/permissions';
import { localize, RequestError } from '../../../src/endpoints/sidebar/requests';
import { okrSheet, roster } from './sidebar/fixtures';

const kr = okrSheet().keyResults.find((k) => k.id === 'O1.1')!; // owned by ana

function refusal(fn: () => void): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(RequestError);
    return localize(e as RequestError, 'en').error;
  }
  throw new Error('expected a refusal');
}

test('the owner and a Lead may act on a key result; others may not', () => {
  const team = roster();
  expect(canActOn(callerFrom('ana@example.com', team), kr)).toBe(true);
  expect(canActOn(callerFrom(' ANA@example.com ', team), kr)).toBe(true);
  expect(canActOn(callerFrom('lead@example.com', team), kr)).toBe(true);
  expect(canActOn(callerFrom('ben@example.com', team), kr)).toBe(false);
  expect(canActOn(callerFrom('boss@example.com', team), kr)).toBe(false);
  expect(canActOn(callerFrom('stranger@example.com', team), kr)).toBe(false);
  expect(canActOn(callerFrom('', team), kr)).toBe(false);
  expect(refusal(() => requireActOn(callerFrom('ben@example.com', team), kr))).toBe(
    'Only the owner of O1.1 (ana@example.com) or a Lead can do this. You are signed in as ben@example.com.',
  );
});

test('a key result with no owner (declined or never assigned): ask a Lead to assign it', () => {
  const unowned = { ...kr, owner: null, ownerText: '' };
  expect(refusal(() => requireActOn(callerFrom('ben@example.com', roster()), unowned))).toBe(
    'O1.1 has no owner yet. Ask a Lead to assign it (Assign view), then the owner can accept and check in.',
  );
});

test('an unknown identity is refused with what to do', () => {
  expect(refusal(() => requireActOn(callerFrom('', roster()), kr))).toMatch(
    /did not tell the add-on who you are/,
  );
  expect(refusal(() => requireManage(callerFrom('', roster(false))))).toMatch(/who you are/);
});

test('only Leads manage; anyone signed in when no Lead is defined', () => {
  expect(canManage(callerFrom('lead@example.com', roster()))).toBe(true);
  expect(canManage(callerFrom('ana@example.com', roster()))).toBe(false);
  expect(canManage(callerFrom('boss@example.com', roster()))).toBe(false);
  expect(refusal(() => requireManage(callerFrom('ana@example.com', roster())))).toMatch(/Only a Lead/);
  expect(canManage(callerFrom('ana@example.com', roster(false)))).toBe(true);
  expect(canManage(callerFrom('outsider@example.com', roster(false)))).toBe(true);
  expect(canManage(callerFrom('', roster(false)))).toBe(false);
  // No Lead does not mean anyone may check in on another person's key result.
  expect(canActOn(callerFrom('ben@example.com', roster(false)), kr)).toBe(false);
});
