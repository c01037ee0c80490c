// Add fills in what a new row would otherwise lack: the current cycle and the owner's team; a key
// result's objective defaults to the objective just added; Kind is spelled as the sheet spells it.
import { fixtureRuntime, openSidebar, useChromium, waitStatus } from '../helpers/sidebarPage';
import { okrRows } from '../unit/endpoints/sidebar/fixtures';

jest.setTimeout(300_000);
const browser = useChromium();

const LEAD = 'lead@example.com';

test('an objective then its key result: cycle, team, the objective chosen, Kind as the sheet writes it', async () => {
  // The sheet spells kinds in lower case, as the demo does.
  const lowerCase = okrRows().map((r, i) =>
    i === 0 ? r : r.map((v, c) => (c === 7 ? String(v).toLowerCase() : v)),
  );
  const rt = await fixtureRuntime({ OKRs: lowerCase });
  const lead = await openSidebar(rt, browser(), LEAD);
  try {
    const p = lead.page;
    await p.locator('.app:not([data-quick])').waitFor();
    await p.getByRole('button', { name: 'Add', exact: true }).click();
    await p.getByRole('radio', { name: 'Objective' }).check();
    await p.getByLabel('Title').fill('Hire well');
    await p.getByLabel('Owner').selectOption('boss@example.com');
    await p.getByRole('button', { name: 'Add', exact: true }).last().click();
    await waitStatus(p, /Added objective O3/);

    await p.getByRole('radio', { name: 'Key result' }).check();
    const objective = p.locator('select[id$="-objectiveId"]');
    await p.waitForFunction(
      () =>
        (document.querySelector('select[id$="-objectiveId"]') as HTMLSelectElement | null)?.value === 'O3',
      undefined,
      { timeout: 60_000 },
    );
    expect(await objective.inputValue()).toBe('O3');
    await p.getByLabel('Title').fill('Three senior hires');
    await p.getByLabel('Target').fill('3');
    await p.getByRole('button', { name: 'Add', exact: true }).last().click();
    await waitStatus(p, /Added key result O3\.1/);

    const [header, ...rows] = rt.workbook.values('OKRs');
    const row = (id: string) => {
      const r = rows.find((x) => x[0] === id) ?? [];
      return Object.fromEntries(header.map((h, i) => [String(h), r[i]]));
    };
    // NOW (the fixtures' clock) is in 2026's fourth quarter; Boss is on the Board team.
    expect(row('O3')).toMatchObject({
      Type: 'Objective',
      Cycle: '2026-Q4',
      Team: 'Board',
      Owner: 'boss@example.com',
    });
    expect(row('O3.1')).toMatchObject({ Parent: 'O3', Cycle: '2026-Q4', Team: 'Board', Kind: 'increase' });
    expect(lead.errors).toEqual([]);
  } finally {
    await lead.close();
  }
});
