// Leadership's closing email: the figures it reports (the one score rule, objective scores as the
// mean of their key results'), its size at 10,000 key results under the HTML budget, en/ja.
import type { Lang } from '../../../../src/okr/core/model';
import { planClose, resultKey } from '../../../../src/okr/cycle/results';
import { closingReport, renderClosingEmail } from '../../../../src/okr/weekly/closingEmail';
import { EMAIL_HTML_BUDGET, fitEmail, utf8Bytes } from '../../../../src/okr/weekly/emailFit';
import { modelBuilders } from '../../../fixtures/okr/build';
import { emailContext } from './emailSheets';
import { NOW } from './fixtures';

const b = modelBuilders({ keyResult: { cycle: '2026-Q3' }, objective: { cycle: '2026-Q3' } });

function sheet(objectives: number, perObjective: number) {
  const os = Array.from({ length: objectives }, (_, i) =>
    b.objective(`O${i + 1}`, { title: `Objective ${i + 1} `.repeat(8) }),
  );
  const krs = os.flatMap((o, i) =>
    Array.from({ length: perObjective }, (_, j) =>
      b.keyResult(`${o.id}.${j + 1}`, o.id, { current: (i * 7 + j * 13) % 101 }),
    ),
  );
  return { objectives: os, keyResults: krs };
}

function results(okrs: ReturnType<typeof sheet>) {
  return new Map(
    planClose(okrs.keyResults, '2026-Q3', 'lead@example.com', NOW).map((r) => [resultKey(r.cycle, r.id), r]),
  );
}

test('the report: objective scores are the mean of their key results’ scores; retrospectives counted', () => {
  const okrs = {
    objectives: [b.objective('O1')],
    keyResults: [b.keyResult('O1.1', 'O1', { current: 38 }), b.keyResult('O1.2', 'O1', { current: 100 })],
  };
  const r = results(okrs);
  const first = r.get(resultKey('2026-Q3', 'O1.1'));
  if (first) r.set(resultKey('2026-Q3', 'O1.1'), { ...first, happened: 'Late pilot' });
  expect(closingReport(okrs, '2026-Q3', r)).toEqual({
    cycle: '2026-Q3',
    objectives: [{ id: 'O1', title: 'Objective O1', score: 0.7, keyResults: 2 }],
    keyResults: 2,
    averageScore: 0.7,
    retrospectives: 1,
  });
});

test.each(['en', 'ja'] as Lang[])(
  'at 10,000 key results the %s email stays under the HTML budget and says how many more',
  (lang) => {
    const okrs = sheet(2000, 5);
    const email = fitEmail((limits) =>
      renderClosingEmail(closingReport(okrs, '2026-Q3', results(okrs)), { ...emailContext(lang), limits }),
    );
    expect(utf8Bytes(email.htmlBody)).toBeLessThan(EMAIL_HTML_BUDGET);
    expect(email.htmlBody).toContain(lang === 'en' ? 'more in the Summary' : 'サマリーにあります');
    expect(email.subject).toContain('2026-Q3');
  },
);
