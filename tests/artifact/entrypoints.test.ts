// The shipped dist/Code.js, loaded the way Apps Script loads it (one global scope, no modules),
// defines exactly the functions src/index.ts exports — no helper leaks into the global scope, where
// google.script.run could call it — and onOpen builds the add-on menu.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import * as entry from '../../src';
import { ensureBuilt } from '../helpers/build';

interface MenuCall {
  method: string;
  args: unknown[];
}

/** Minimal stand-ins for the services onOpen touches, recording the menu it builds. */
function standIns(calls: MenuCall[]) {
  const menu: Record<string, (...args: unknown[]) => unknown> = {};
  for (const method of ['addItem', 'addSeparator', 'addSubMenu', 'addToUi']) {
    menu[method] = (...args: unknown[]) => {
      calls.push({ method, args });
      return menu;
    };
  }
  const ui = {
    createAddonMenu: () => {
      calls.push({ method: 'createAddonMenu', args: [] });
      return menu;
    },
    createMenu: (title: string) => {
      calls.push({ method: 'createMenu', args: [title] });
      return menu;
    },
  };
  return {
    SpreadsheetApp: { getUi: () => ui },
    Session: { getActiveUserLocale: () => 'en', getActiveUser: () => ({ getEmail: () => '' }) },
    ScriptApp: { AuthMode: { NONE: 'NONE', LIMITED: 'LIMITED', FULL: 'FULL' } },
    console,
  };
}

describe('dist/Code.js entry points', () => {
  const code = readFileSync(join(ensureBuilt(), 'Code.js'), 'utf8');

  test('the global functions are exactly the exports of src/index.ts', () => {
    const services = standIns([]);
    const context = vm.createContext({ ...services });
    vm.runInContext(code, context);
    const globals = Object.keys(context).filter(
      (k) => typeof (context as Record<string, unknown>)[k] === 'function' && !(k in services),
    );
    const exported = Object.keys(entry).filter(
      (k) => typeof (entry as Record<string, unknown>)[k] === 'function',
    );
    expect(exported.length).toBeGreaterThan(0);
    expect(globals.sort()).toEqual(exported.sort());
    // The only other global is the bundle's namespace object, which holds the same functions.
    const others = Object.keys(context).filter((k) => !(k in services) && !globals.includes(k));
    expect(others).toEqual(['OkrOwners']);
  });

  test('onOpen builds the add-on menu (in AuthMode.NONE, as when the add-on is not yet used)', () => {
    const calls: MenuCall[] = [];
    const context = vm.createContext({ ...standIns(calls) });
    vm.runInContext(code, context);
    vm.runInContext('onOpen({ authMode: ScriptApp.AuthMode.NONE })', context);
    const methods = calls.map((c) => c.method);
    expect(methods[0]).toMatch(/^create(Addon)?Menu$/);
    expect(methods).toContain('addItem');
    expect(methods[methods.length - 1]).toBe('addToUi');
    const items = calls.filter((c) => c.method === 'addItem').map((c) => c.args[1]);
    for (const fn of items) {
      expect(typeof fn).toBe('string');
      // Every menu item points at a real entry point.
      expect(typeof (context as Record<string, unknown>)[fn as string]).toBe('function');
    }
  });
});
