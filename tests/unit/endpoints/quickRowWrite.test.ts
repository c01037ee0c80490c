// Check-in, accept and decline on their quick path, through ports over plain rows: what is written,
// in which order, and what the sidebar is answered; refusals write nothing.
import type { CheckInOk } from '../../../src/api';
import {
  decideAccept,
  decideCheckIn,
  decideDecline,
  quickRowWrite,
} from '../../../src/endpoints/quickRowWrite';
import { ctxOf, fakeRowPorts, refusal } from './fakeRowPorts';
import { okrRows } from './sidebar/fixtures';

const ANA = 'ana@example.com';
const BEN = 'ben@example.com';
const LEAD = 'lead@example.com';

test('a check-in logs first, then writes the row, and answers what it fixed (the stale check-in)', () => {
  const { ports, events } = fakeRowPorts();
  const ctx = ctxOf(ANA);
  const req = { id: 'O1.2', current: 7, confidence: 'on-track' as const, note: 'better' };
  const answer = quickRowWrite(ports, 'O1.2', ctx, (kr, caller) => decideCheckIn(req, kr, caller, ctx));
  expect(events.map((e) => ('log' in e ? 'log' : 'row'))).toEqual(['log', 'row']);
  expect(events[1]).toMatchObject({ row: 4, patch: { current: 7, confidence: 'On track', note: 'better' } });
  const ok = answer as CheckInOk;
  expect(ok).toMatchObject({ ok: true, message: expect.stringContaining('O1.2') });
  expect(ok.item).toMatchObject({ id: 'O1.2', current: 7, confidence: 'on-track', owner: ANA });
  expect(ok.resolved.map((p) => p.code)).toContain('stale');
});

test("someone else's key result is refused before anything is written; a Lead may", () => {
  const { ports, events } = fakeRowPorts();
  const req = { id: 'O1.1', current: 35, confidence: 'at-risk' as const };
  expect(
    refusal(() => quickRowWrite(ports, 'O1.1', ctxOf(BEN), (kr, c) => decideCheckIn(req, kr, c, ctxOf(BEN)))),
  ).toMatch(/O1\.1/);
  expect(events).toEqual([]);
  const lead = quickRowWrite(ports, 'O1.1', ctxOf(LEAD), (kr, c) => decideCheckIn(req, kr, c, ctxOf(LEAD)));
  expect(lead).toMatchObject({ ok: true, item: { id: 'O1.1', current: 35 } });
});

test('a caller Google hides is refused, nothing written', () => {
  const { ports, events } = fakeRowPorts();
  const req = { id: 'O1.1', current: 35, confidence: 'at-risk' as const };
  expect(
    refusal(() => quickRowWrite(ports, 'O1.1', ctxOf(''), (kr, c) => decideCheckIn(req, kr, c, ctxOf('')))),
  ).toMatch(/who you are/);
  expect(events).toEqual([]);
});

test('an acceptance writes Accepted only, logs no check-in but its agreement step, and resolves the pending problem', () => {
  const { ports, events } = fakeRowPorts();
  const ctx = ctxOf(BEN);
  const answer = quickRowWrite(ports, 'O1.3', ctx, (kr, c) => decideAccept({ id: 'O1.3' }, kr, c, ctx));
  expect(events).toEqual([
    {
      log: expect.objectContaining({
        log: null,
        agreement: expect.objectContaining({
          step: 'accepted',
          by: BEN,
          owner: BEN,
          figures: { target: 1, start: 0, due: null },
        }),
      }),
    },
    { row: 5, patch: { accepted: { time: ctx.now } } },
  ]);
  expect((answer as CheckInOk).item).toMatchObject({ id: 'O1.3', accepted: expect.any(Number) });
  expect((answer as CheckInOk).resolved.map((p) => p.code)).toContain('owner-pending');
});

test('a decline clears the owner, logs why, and answers that the key result left the list (the owner is gone)', () => {
  const { ports, events } = fakeRowPorts();
  const ctx = ctxOf(ANA);
  const answer = quickRowWrite(ports, 'O1.1', ctx, (kr, c) =>
    decideDecline({ id: 'O1.1', reason: 'not mine' }, kr, c, ctx),
  );
  expect(events[0]).toMatchObject({ log: { log: { by: ANA, note: expect.stringContaining('not mine') } } });
  expect(events[1]).toMatchObject({ row: 3, patch: { owner: null, accepted: null } });
  expect(answer).toEqual({ ok: true, message: expect.stringContaining('O1.1'), left: 'O1.1' });
});

test('a row not found exactly once leaves the decision to the full path', () => {
  const { ports, events } = fakeRowPorts();
  const ctx = ctxOf(ANA);
  expect(quickRowWrite(ports, 'O9.9', ctx, (kr, c) => decideAccept({ id: 'O9.9' }, kr, c, ctx))).toBeNull();
  expect(events).toEqual([]);
});

describe("the objective's Progress is written with the check-in", () => {
  test("a check-in writes its objective's Progress: the mean of its key results, this one at its new figure", () => {
    const { ports, events, objectiveWrites } = fakeRowPorts();
    const ctx = ctxOf(ANA);
    const req = { id: 'O1.2', current: 7, confidence: 'on-track' as const };
    quickRowWrite(ports, 'O1.2', ctx, (kr, caller) => decideCheckIn(req, kr, caller, ctx));
    // O1.1 50%, O1.2 (10 → 5, now 7) 60%, O1.3 a milestone not done 0%.
    expect(objectiveWrites).toEqual([{ row: 2, patch: { progress: 36.666667 } }]);
    expect(events.map((e) => ('log' in e ? 'log' : 'row'))).toEqual(['log', 'row']);
  });

  test("when the objective's rows cannot be read cheaply, or its row is not among them, the full path decides, nothing written", () => {
    for (const objectiveRows of [() => null, () => ({ grid: okrRows().filter((r) => r[0] !== 'O1') })]) {
      const { ports, events, objectiveWrites } = fakeRowPorts();
      ports.objectiveRows = objectiveRows;
      const ctx = ctxOf(ANA);
      const req = { id: 'O1.2', current: 7, confidence: 'on-track' as const };
      expect(quickRowWrite(ports, 'O1.2', ctx, (kr, c) => decideCheckIn(req, kr, c, ctx))).toBeNull();
      expect([events, objectiveWrites]).toEqual([[], []]);
    }
  });

  test('acceptance and decline change no progress: no objective write', () => {
    const { ports, objectiveWrites } = fakeRowPorts();
    const ctx = ctxOf(BEN);
    quickRowWrite(ports, 'O1.3', ctx, (kr, c) => decideAccept({ id: 'O1.3' }, kr, c, ctx));
    expect(objectiveWrites).toEqual([]);
  });

  test('a look-alike ID among the rows around ("O1.2 " beside "O1.2") leaves it to the full path', () => {
    const rows = okrRows();
    const { ports, events } = fakeRowPorts(rows);
    const find = ports.findRow;
    ports.findRow = (id) => {
      const found = find(id);
      if (!found) return null;
      const grid = rows.map((r) => [...r]);
      grid[found.row] = ['O1.2 ', ...grid[found.row].slice(1)];
      return { grid, row: found.row };
    };
    const ctx = ctxOf(ANA);
    const req = { id: 'O1.2', current: 7, confidence: 'on-track' as const };
    expect(quickRowWrite(ports, 'O1.2', ctx, (kr, c) => decideCheckIn(req, kr, c, ctx))).toBeNull();
    expect(events).toEqual([]);
  });
});
