// What an email address is: the Team tab, the Owner cell, the sidebar's requests and the mailer agree.
import { parseAssign } from '../../../../src/endpoints/sidebar/requests';
import { teamOf } from '../../../../src/endpoints/sidebar/sidebarState';
import { isEmail } from '../../../../src/okr/core/emailAddress';
import { parseRoster } from '../../../../src/okr/core/parse';
import { readOwner } from '../../../../src/okr/ownership/owners';
import { digestModel, planRecipients } from '../../../../src/okr/weekly/digest';
import { kr, NOW, person } from '../weekly/fixtures';

describe('what is an email address', () => {
  test("a Team member the Assign dropdown offers (d.o'neil@…) can be assigned, and is mailed", () => {
    const email = "d.o'neil@acme.com";
    const roster = parseRoster(
      [
        ['Name', 'Email', 'Role'],
        ["Dan O'Neil", email, 'Member'],
      ],
      { sheetName: 'Team', timeZone: 'UTC', lang: 'en' },
    );
    expect(roster.problems).toEqual([]);
    expect(teamOf(roster).map((m) => m.email)).toEqual([email]);
    expect(parseAssign({ ids: ['O1.1'], email }, 'en')).toEqual({
      ok: true,
      value: { ids: ['O1.1'], email },
    });
    expect(isEmail(email)).toBe(true);
    const mail = digestModel({
      objectives: [],
      keyResults: [kr('O1.1', null, email)],
      people: [person(email)],
      checkIns: [],
      now: NOW,
      staleDays: 14,
    });
    expect(planRecipients(mail).map((r) => r.email)).toEqual([email]);
  });

  test('the Team tab, the Owner cell, requests and the mailer refuse the same texts', () => {
    const tooLong = `${'a'.repeat(250)}@x.com`;
    for (const text of ['ana@example', 'ana@ex ample.com', '<script>@x.com', 'a"b@x.com', tooLong]) {
      expect([text, isEmail(text)]).toEqual([text, false]);
      expect([text, parseAssign({ ids: ['O1'], email: text }, 'en').ok]).toEqual([text, false]);
      expect([text, readOwner(text).kind === 'email']).toEqual([text, false]);
    }
  });
});
