// The add-on CPU figure measures the same work the endpoints do, and survives the trip to its child
// process (dates included).
import { generateFixture } from '../../local/fixtures/generate';
import { Runtime } from '../../local/runtime';
import { addOnWork, measureAddOnCpu, tabValues } from '../../scripts/bench/addOnCpu';
import { ensureBuilt } from '../helpers/build';

const { workbook, facts } = generateFixture({ keyResults: 100, owners: 20, weeksOfHistory: 4, seed: 7 });

test('the pure pipeline finds exactly the problems validateOkrs returns from the built add-on', async () => {
  const rt = await Runtime.open({
    workbook: workbook.clone(),
    projectDir: ensureBuilt(),
    options: { now: facts.asOf },
  });
  const r = rt.run('validateOkrs', [], { as: facts.leads[0] });
  const fromAddOn = (r.result as { problems: unknown[] }).problems.length;
  expect(fromAddOn).toBeGreaterThan(0);
  expect(addOnWork(tabValues(workbook), facts.asOf).validate()).toBe(fromAddOn);
});

test('measured in a child process on the same values (dates included): a median for each operation', () => {
  const cpu = measureAddOnCpu(tabValues(workbook), facts.asOf, 3);
  expect(cpu.problems).toBe(addOnWork(tabValues(workbook), facts.asOf).validate());
  for (const ms of [cpu.validate, cpu.summary]) {
    expect(Number.isFinite(ms)).toBe(true);
    expect(ms).toBeGreaterThan(0);
  }
}, 60_000);
