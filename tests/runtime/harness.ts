// Opens the execution model on the stand-in spreadsheet module with a script given as a string.
import { type OpenOptions, RuntimeCore } from '../../local/runtime/runtime';
import type { RuntimeOptions } from '../../local/runtime/types';
import { FakeWorkbook, fakeSheets } from './fakeSheets';

export const T0 = '2026-11-30T09:00:00Z'; // a Monday

export async function openScript(
  code: string,
  options: RuntimeOptions = {},
  extra: Partial<OpenOptions<FakeWorkbook>> = {},
): Promise<RuntimeCore<FakeWorkbook>> {
  const parts = await RuntimeCore.prepare(fakeSheets(), {
    workbook: new FakeWorkbook(),
    code,
    options: { now: T0, ...options },
    ...extra,
  });
  return new RuntimeCore(parts);
}
