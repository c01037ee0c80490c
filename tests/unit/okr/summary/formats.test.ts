// The Summary's formats as ranges (src/okr/summary/summaryFormats.ts): only what a new cell lacks,
// grouped into rectangles per value, with every palette value listed (so the adapter's calls are the
// same whatever the content) and the rectangles covering exactly the cells that carry each value.
import { summaryFormats } from '../../../../src/okr/summary/summaryFormats';

const W = '#ffffff';
const N = 'normal';
const A = '0.###############';

/** Every cell an A1 rectangle list covers, as "row,col" (0-based). */
function cellsOf(a1s: string[]): Set<string> {
  const out = new Set<string>();
  for (const a1 of a1s) {
    const [from, to = from] = a1.split(':');
    const parse = (s: string) => {
      const m = /^([A-Z]+)(\d+)$/.exec(s);
      if (!m) throw new Error(a1);
      const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      return { row: Number(m[2]) - 1, col };
    };
    const a = parse(from);
    const b = parse(to);
    for (let r = a.row; r <= b.row; r++) for (let c = a.col; c <= b.col; c++) out.add(`${r},${c}`);
  }
  return out;
}

describe('summaryFormats', () => {
  const backgrounds = [
    ['#c9daf8', '#c9daf8', '#c9daf8'],
    ['#fff2cc', W, W],
    [W, W, W],
    ['#d9d9d9', '#d9d9d9', '#d9d9d9'],
    [W, W, '#f4c7c3'],
    [W, W, '#f4c7c3'],
    [W, W, '#abcdef'],
  ];
  const fontWeights = backgrounds.map((row, r) => row.map(() => (r === 0 || r === 3 ? 'bold' : N)));
  const numberFormats = backgrounds.map((row, r) => row.map((_, c) => (c === 1 && r >= 4 ? '0%' : A)));
  const f = summaryFormats({
    backgrounds,
    fontWeights: fontWeights as Array<Array<'bold' | 'normal'>>,
    numberFormats,
  });

  test('merges runs into rectangles and skips what a new cell already has', () => {
    const bg = Object.fromEntries(f.backgrounds.map((r) => [r.value, r.a1s]));
    expect(bg['#c9daf8']).toEqual(['A1:C1']);
    expect(bg['#fff2cc']).toEqual(['A2']);
    expect(bg['#d9d9d9']).toEqual(['A4:C4']);
    expect(bg['#f4c7c3']).toEqual(['C5:C6']);
    expect(bg[W]).toBeUndefined();
    expect(f.fontWeights).toEqual([{ value: 'bold', a1s: ['A1:C1', 'A4:C4'] }]);
    expect(f.numberFormats.find((r) => r.value === '0%')?.a1s).toEqual(['B5:B7']);
  });

  test('lists every palette value in a fixed order, empty or not, then any other value', () => {
    expect(f.backgrounds.map((r) => r.value)).toEqual([
      '#c9daf8',
      '#fff2cc',
      '#d9d9d9',
      '#f3f3f3',
      '#f4c7c3',
      '#fce8b2',
      '#b7e1cd',
      '#abcdef',
    ]);
    expect(f.backgrounds.find((r) => r.value === '#f3f3f3')?.a1s).toEqual([]);
    expect(f.numberFormats.map((r) => r.value)).toEqual(['0%', '0.0', '+0.0;-0.0;0.0', '0']);
  });

  test('the rectangles cover exactly the cells of each value', () => {
    for (const [kind, grid, blank] of [
      ['backgrounds', backgrounds, W],
      ['fontWeights', fontWeights, N],
      ['numberFormats', numberFormats, A],
    ] as const) {
      for (const run of f[kind]) {
        const expected = new Set<string>();
        grid.forEach((row, r) => {
          row.forEach((v, c) => {
            if (v === run.value && v !== blank) expected.add(`${r},${c}`);
          });
        });
        expect(cellsOf(run.a1s)).toEqual(expected);
      }
    }
  });
});
