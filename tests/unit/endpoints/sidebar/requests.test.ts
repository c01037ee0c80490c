// Every endpoint's input is checked at runtime: wrong types, blanks, oversized text, out-of-range
// numbers, malformed emails and dates are refused with a localized message naming the field.
import {
  LIMITS,
  parseAccept,
  parseAddKeyResult,
  parseAddObjective,
  parseAssign,
  parseCheckIn,
  parseDecline,
  parseMyWeeklyEmail,
  parseSaveSettings,
  parseSelectCell,
  parseTeamViewRequest,
} from '../../../../src/endpoints/sidebar/requests';

const good = { id: 'O1.1', current: 42, confidence: 'on-track', note: 'ok', version: 'abc' };

function refused(res: { ok: boolean }): { error: string; field?: string } {
  expect(res.ok).toBe(false);
  return res as unknown as { error: string; field?: string };
}

describe('parseCheckIn', () => {
  test('accepts a well-formed check-in and trims text', () => {
    expect(parseCheckIn({ ...good, id: ' O1.1 ', note: '  done  ' }, 'en')).toEqual({
      ok: true,
      value: { id: 'O1.1', current: 42, confidence: 'on-track', note: 'done', version: 'abc' },
    });
  });

  test.each([
    ['null', null],
    ['a string', 'O1.1'],
    ['an array', [good]],
    ['a number', 7],
  ])('refuses %s as the request', (_name, raw) => {
    expect(refused(parseCheckIn(raw, 'en')).error).toMatch(/not valid/);
  });

  test.each([
    [{ ...good, id: undefined }, 'id', /ID is required/],
    [{ ...good, id: '   ' }, 'id', /ID cannot be blank/],
    [{ ...good, id: 12 }, 'id', /ID must be text/],
    [{ ...good, current: '42' }, 'current', /Current value must be a number/],
    [{ ...good, current: Number.NaN }, 'current', /must be a number/],
    [{ ...good, current: Number.POSITIVE_INFINITY }, 'current', /must be a number/],
    [{ ...good, current: 1e13 }, 'current', /between/],
    [{ ...good, current: null }, 'current', /required/],
    [{ ...good, confidence: 'green' }, 'confidence', /one of: on-track, at-risk, off-track/],
    [{ ...good, confidence: undefined }, 'confidence', /required/],
    [{ ...good, note: 5 }, 'note', /Note must be text/],
    [{ ...good, note: 'x'.repeat(5000) }, 'note', /too long \(5000 characters\); keep it under 1000/],
    [{ ...good, version: 'v'.repeat(41) }, 'version', /too long/],
  ])('refuses %j on field %s', (raw, field, message) => {
    const res = refused(parseCheckIn(raw, 'en'));
    expect(res.field).toBe(field);
    expect(res.error).toMatch(message);
  });

  test('speaks Japanese and names the field in Japanese', () => {
    const res = refused(parseCheckIn({ ...good, note: 'x'.repeat(5000) }, 'ja'));
    expect(res.error).toContain('メモが長すぎます');
    expect(res.error).toContain('5000文字');
    expect(refused(parseCheckIn({ ...good, current: 'x' }, 'ja')).error).toContain('現在値は数値');
  });

  test('the note limit is exactly the documented one', () => {
    expect(parseCheckIn({ ...good, note: 'n'.repeat(LIMITS.note) }, 'en').ok).toBe(true);
    expect(parseCheckIn({ ...good, note: 'n'.repeat(LIMITS.note + 1) }, 'en').ok).toBe(false);
  });
});

describe('ownership requests', () => {
  test('accept needs an ID; decline needs a reason', () => {
    expect(parseAccept({ id: 'O1.1' }, 'en')).toEqual({
      ok: true,
      value: { id: 'O1.1', version: undefined },
    });
    expect(refused(parseDecline({ id: 'O1.1' }, 'en')).field).toBe('reason');
    expect(refused(parseDecline({ id: 'O1.1', reason: '  ' }, 'en')).error).toMatch(/Reason cannot be blank/);
    expect(refused(parseDecline({ id: 'O1.1', reason: 'r'.repeat(501) }, 'en')).field).toBe('reason');
  });

  test('assign: a list of IDs and one email', () => {
    expect(parseAssign({ ids: ['O1.1', 'O1.1', ' O2 '], email: ' Ana@Example.com ' }, 'en')).toEqual({
      ok: true,
      value: { ids: ['O1.1', 'O2'], email: 'ana@example.com' },
    });
    expect(refused(parseAssign({ ids: 'O1.1', email: 'a@b.co' }, 'en')).field).toBe('ids');
    expect(refused(parseAssign({ ids: [], email: 'a@b.co' }, 'en')).error).toMatch(/at least one/);
    expect(refused(parseAssign({ ids: [1], email: 'a@b.co' }, 'en')).field).toBe('ids');
    expect(refused(parseAssign({ ids: new Array(501).fill('O1'), email: 'a@b.co' }, 'en')).error).toMatch(
      /at most 500/,
    );
  });

  test('assign: versions, one per ID, kept without a prototype', () => {
    const res = parseAssign(
      { ids: ['O1.1', ' O2 '], email: 'a@b.co', versions: { 'O1.1': 'v1', O2: 'v2' } },
      'en',
    );
    expect(res).toEqual({
      ok: true,
      value: { ids: ['O1.1', 'O2'], email: 'a@b.co', versions: { 'O1.1': 'v1', O2: 'v2' } },
    });
    expect(res.ok && Object.getPrototypeOf(res.value.versions)).toBeNull();
    // Absent: no check (as a check-in without its version).
    expect(res.ok && 'versions' in parseAssign({ ids: ['O1.1'], email: 'a@b.co' }, 'en')).toBe(false);
    for (const versions of [[], 'v1', { 'O1.1': 'v1' }, { 'O1.1': 'v1', O2: 3 }, { 'O1.1': 'v1', O2: '' }]) {
      expect(refused(parseAssign({ ids: ['O1.1', 'O2'], email: 'a@b.co', versions }, 'en'))).toMatchObject({
        field: 'versions',
        error: expect.stringMatching(/Reload the sidebar/),
      });
    }
    const proto = JSON.parse('{"__proto__": "v1"}');
    const weird = parseAssign({ ids: ['__proto__'], email: 'a@b.co', versions: proto }, 'en');
    expect(weird.ok && Object.entries(weird.value.versions ?? {})).toEqual([['__proto__', 'v1']]);
    expect(({} as Record<string, unknown>).v1).toBeUndefined();
  });

  test.each([
    'Ana Owner',
    'ana@example.com, ben@example.com',
    'ana@example.com ben@example.com',
    'ana@example.com;ben@example.com',
    '<script>@x.com',
    'ana@example',
    '=HYPERLINK("x")@a.co',
  ])('assign refuses %j as an owner', (email) => {
    const res = refused(parseAssign({ ids: ['O1.1'], email }, 'en'));
    expect(res.field).toBe('email');
    expect(res.error).toMatch(/one email address/);
  });
});

describe('add requests', () => {
  test('objective: title required, owner optional but an email, due a real date', () => {
    expect(parseAddObjective({ title: ' Grow ', due: '2026-12-31' }, 'en')).toEqual({
      ok: true,
      value: { title: 'Grow', owner: '', cycle: '', due: '2026-12-31' },
    });
    expect(refused(parseAddObjective({ title: '' }, 'en')).field).toBe('title');
    expect(refused(parseAddObjective({ title: 'x'.repeat(501) }, 'en')).field).toBe('title');
    expect(refused(parseAddObjective({ title: 'T', owner: 'Ana' }, 'en')).field).toBe('owner');
    expect(refused(parseAddObjective({ title: 'T', due: '2026-02-30' }, 'en')).field).toBe('due');
    expect(refused(parseAddObjective({ title: 'T', due: '31/12/2026' }, 'en')).error).toMatch(/2026-12-31/);
  });

  test('key result: kind from the list, numbers, target different from start', () => {
    const kr = { objectiveId: 'O1', title: 'NPS', kind: 'increase', start: 0, target: 10, unit: 'pts' };
    expect(parseAddKeyResult(kr, 'en').ok).toBe(true);
    expect(refused(parseAddKeyResult({ ...kr, kind: 'more' }, 'en')).field).toBe('kind');
    expect(refused(parseAddKeyResult({ ...kr, target: 0 }, 'en')).error).toMatch(/Target equals Start/);
    expect(parseAddKeyResult({ ...kr, kind: 'at-least', target: 0 }, 'en').ok).toBe(true);
    expect(refused(parseAddKeyResult({ ...kr, start: '0' }, 'en')).field).toBe('start');
    expect(refused(parseAddKeyResult({ ...kr, objectiveId: '' }, 'en')).field).toBe('objectiveId');
    expect(refused(parseAddKeyResult({ ...kr, unit: 'u'.repeat(21) }, 'en')).field).toBe('unit');
  });
});

describe('settings and selection', () => {
  const settings = { language: 'auto', staleDays: 14, overloadLimit: 5, weeklyDay: 1, weeklyHour: 9 };
  test('settings ranges', () => {
    expect(parseSaveSettings(settings, 'en')).toEqual({ ok: true, value: settings });
    expect(refused(parseSaveSettings({ ...settings, weeklyHour: 24 }, 'en')).field).toBe('weeklyHour');
    expect(refused(parseSaveSettings({ ...settings, weeklyDay: 1.5 }, 'en')).error).toMatch(/whole number/);
    expect(refused(parseSaveSettings({ ...settings, staleDays: 0 }, 'en')).field).toBe('staleDays');
    expect(refused(parseSaveSettings({ ...settings, language: 'fr' }, 'ja')).error).toContain('言語');
  });

  test('weeks stale before the manager is asked: optional, 1–52 whole weeks', () => {
    expect(parseSaveSettings({ ...settings, conversationRuns: 3 }, 'en')).toEqual({
      ok: true,
      value: { ...settings, conversationRuns: 3 },
    });
    expect(refused(parseSaveSettings({ ...settings, conversationRuns: 0 }, 'en')).field).toBe(
      'conversationRuns',
    );
    expect(refused(parseSaveSettings({ ...settings, conversationRuns: 2.5 }, 'ja')).field).toBe(
      'conversationRuns',
    );
  });

  test('My team and Your weekly email requests', () => {
    expect(parseTeamViewRequest(undefined, 'en')).toEqual({ ok: true, value: {} });
    expect(parseTeamViewRequest({ manager: ' Mia@Example.com ' }, 'en')).toEqual({
      ok: true,
      value: { manager: 'mia@example.com' },
    });
    expect(refused(parseTeamViewRequest({ manager: 'Mia' }, 'en')).field).toBe('manager');
    expect(refused(parseTeamViewRequest('mia@example.com', 'en')).field).toBeUndefined();
    expect(parseMyWeeklyEmail({ choice: 'needed' }, 'en')).toEqual({ ok: true, value: { choice: 'needed' } });
    expect(refused(parseMyWeeklyEmail({ choice: 'weekly' }, 'ja')).error).toContain('あなたの週次メール');
    expect(refused(parseMyWeeklyEmail(null, 'en')).error).toBeTruthy();
  });

  test('selectCell needs an ID or a cell', () => {
    expect(parseSelectCell({ id: 'O1', column: 'Owner' }, 'en')).toEqual({
      ok: true,
      value: { id: 'O1', column: 'Owner', cell: null },
    });
    expect(refused(parseSelectCell({}, 'en')).field).toBe('id');
  });
});
