// A small ExecutionContext for tests of the spreadsheet half alone: a meter that counts, a real vm
// realm (so `instanceof Date` inside "script" code can be checked), a clock, and a UiSink that
// records what the script showed.
import vm from 'node:vm';
import type { ExecutionContext, HtmlSpec, MenuSpec, Realm } from '../contract';

export interface FakeContext extends ExecutionContext {
  calls: Record<string, number>;
  cells: Record<string, number>;
  shown: {
    toasts: string[];
    alerts: string[];
    menus: MenuSpec[];
    sidebars: unknown[];
    dialogs: Array<{ html: unknown; title: string }>;
  };
  /** Runs source in the realm with `bindings` as globals (e.g. { SpreadsheetApp }). */
  run(source: string, bindings?: Record<string, unknown>): unknown;
  user?: string;
  activeRange?: string;
}

export function fakeContext(
  opts: { user?: string; effectiveUser?: string; now?: number; activeRange?: string } = {},
): FakeContext {
  const context = vm.createContext({});
  const realm = vm.runInContext(
    '({ Date: Date, Array: Array, Object: Object, Error: Error })',
    context,
  ) as Realm;
  const calls: Record<string, number> = {};
  const cells: Record<string, number> = {};
  const shown: FakeContext['shown'] = { toasts: [], alerts: [], menus: [], sidebars: [], dialogs: [] };
  const user = opts.user ?? 'owner@example.com';
  return {
    meter: {
      call(method: string, n = 0) {
        calls[method] = (calls[method] ?? 0) + 1;
        cells[method] = (cells[method] ?? 0) + n;
      },
    },
    activeUser: user,
    effectiveUser: opts.effectiveUser ?? user,
    user,
    ...(opts.activeRange ? { activeRange: opts.activeRange } : {}),
    authMode: 'FULL',
    now: () => opts.now ?? Date.parse('2026-11-23T15:00:00Z'),
    realm,
    ui: {
      toast: (m, t) => shown.toasts.push(t ? `${t}: ${m}` : m),
      alert: (m) => shown.alerts.push(m),
      addMenu: (m) => shown.menus.push(m),
      showSidebar: (h: HtmlSpec) => shown.sidebars.push(h),
      showModalDialog: (h: HtmlSpec, title: string) => shown.dialogs.push({ html: h, title }),
    },
    calls,
    cells,
    shown,
    run(source, bindings = {}) {
      Object.assign(context, bindings);
      return vm.runInContext(source, context);
    },
  };
}
