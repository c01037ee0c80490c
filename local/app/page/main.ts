// The sandbox page: plain DOM. Every string from the workbook, a script or an email is put in the
// page as text (textContent / text nodes / attributes); emails' HTML only ever goes into a sandboxed
// iframe's srcdoc, never into this document.
import { columnToLetters } from '../../runtime/spreadsheet/a1';
import { formatWallTime } from '../clock';
import type {
  ActionResult,
  AppState,
  CellView,
  EmailBody,
  EmailView,
  ExecutionView,
  SheetView,
} from '../protocol';
import { type PanelLayout, setUpPanel } from './panel';

type Child = Node | string | number | null | undefined | false;
type Props = Record<string, string | number | boolean | undefined | ((e: Event) => void)>;

function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.replace(/^on/, '').toLowerCase(), v);
    else if (k === 'class') el.className = String(v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'object' ? c : document.createTextNode(String(c)));
  }
  return el;
}

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

let state: AppState | undefined;
let sheet: SheetView | undefined;
/** The tab on screen, and the tab the user last chose (a slower, older load must not win). */
let sheetName = '';
let wanted = '';
let scriptSelection = 0;
let lastSheetJson = '';
let selected: { row: number; col: number } | undefined;
let emailIndex: number | undefined;
let sidebarFor = '';
let shownNotice = 0;
let panel: PanelLayout | undefined;

async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const res = await fetch(path, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = (await res.json()) as T & { ok?: boolean; message?: string };
  if (!res.ok) throw new Error(data.message ?? `HTTP ${res.status}`);
  return data;
}

function toast(text: string, kind = 'info'): void {
  const box = $('notices');
  const n = h('div', { class: `notice ${kind}` }, text);
  box.append(n);
  setTimeout(() => n.remove(), kind === 'error' ? 9000 : 5000);
}

async function act(path: string, body: unknown): Promise<ActionResult | undefined> {
  try {
    const r = await call<ActionResult>('POST', path, body);
    await applyState(r.state);
    return r;
  } catch (e) {
    toast((e as Error).message, 'error');
    return undefined;
  }
}

/** Sheets' question before changing a range protected with a warning. */
function confirmEdit(description: string): Promise<boolean> {
  const dialog = $<HTMLDialogElement>('protected');
  $('protected-text').textContent = description ? `${WARNING_TEXT}\n\n${description}` : WARNING_TEXT;
  dialog.returnValue = '';
  dialog.showModal();
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'edit'), { once: true });
  });
}

const WARNING_TEXT =
  "You are trying to edit part of this sheet that shouldn't be changed accidentally. Edit anyway?";

/** Ui.alert(): a modal box the user closes, as Sheets shows it. */
function showAlert(text: string): void {
  const dialog = $<HTMLDialogElement>('alert');
  $('alert-text').textContent = text;
  if (!dialog.open) dialog.showModal();
}

// ---- time ----
function fmtTime(at: number): string {
  return formatWallTime(at, state?.timeZone ?? 'UTC');
}

// ---- menus ----
function closeMenus(): void {
  for (const b of document.querySelectorAll('.menubar .menu > button'))
    b.setAttribute('aria-expanded', 'false');
  for (const d of document.querySelectorAll<HTMLElement>('.menubar .dropdown')) d.hidden = true;
}

let menusJson = '';
let usersJson = '';

function renderMenus(s: AppState): void {
  // Redraw only when the menus changed: a redraw would close a menu the user has open.
  const json = JSON.stringify(s.menus);
  if (json === menusJson) return;
  menusJson = json;
  const bar = $('menubar');
  bar.replaceChildren();
  const dropdown = h('div', { class: 'dropdown', role: 'menu', hidden: true });
  const button = h(
    'button',
    { type: 'button', 'aria-haspopup': 'menu', 'aria-expanded': 'false' },
    'Extensions',
  );
  button.addEventListener('click', (e) => {
    e.stopPropagation();
    const open = button.getAttribute('aria-expanded') !== 'true';
    closeMenus();
    button.setAttribute('aria-expanded', String(open));
    dropdown.hidden = !open;
    if (open) dropdown.querySelector<HTMLButtonElement>('button')?.focus();
  });
  if (s.menus.length === 0) dropdown.append(h('div', { class: 'group' }, 'onOpen added no menu'));
  for (const m of s.menus) {
    // createAddonMenu() menus carry no title: Sheets shows the add-on's name there.
    dropdown.append(h('div', { class: 'group', role: 'presentation' }, m.title || 'OKR Owners'));
    for (const item of m.items) {
      if ('separator' in item) {
        dropdown.append(h('hr'));
        continue;
      }
      dropdown.append(
        h(
          'button',
          {
            type: 'button',
            role: 'menuitem',
            'data-function': item.functionName,
            onclick: () => {
              closeMenus();
              void runMenu(item.functionName, item.caption);
            },
          },
          item.caption,
        ),
      );
    }
  }
  bar.append(h('div', { class: 'menu' }, button, dropdown));
}

async function runMenu(fn: string, caption: string): Promise<void> {
  const before = state?.notices.at(-1)?.id ?? 0;
  const sidebarWasOpen = state?.sidebarOpen ?? false;
  const r = await act('/api/menu', { functionName: fn });
  // Say it ran only when the script itself said nothing (no toast, no alert, no sidebar).
  const quiet = (r?.state.notices.at(-1)?.id ?? 0) === before;
  if (r?.ok && quiet && (sidebarWasOpen || !r.state.sidebarOpen)) toast(`${caption}: done`);
  await loadSheet();
}

// ---- users ----
function renderUsers(s: AppState): void {
  const json = JSON.stringify([s.people, s.user]);
  if (json === usersJson) return;
  usersJson = json;
  const sel = $<HTMLSelectElement>('user');
  const options = s.people.length ? s.people : [{ email: s.user, name: '', role: '' }];
  sel.replaceChildren(
    ...options.map((p) =>
      h(
        'option',
        { value: p.email },
        p.name ? `${p.name} <${p.email}>${p.role ? ` · ${p.role}` : ''}` : p.email,
      ),
    ),
  );
  sel.value = s.user;
}

// ---- grid ----
let tabsJson = '';

function renderTabs(s: AppState): void {
  // Redrawn only when the sheets or the chosen one changed: the page applies the state every second,
  // and a redraw would drop the keyboard focus on a tab (and the button a person is about to click).
  const json = JSON.stringify([s.sheets, wanted]);
  if (json === tabsJson) return;
  tabsJson = json;
  const tabs = $('tabs');
  tabs.replaceChildren(
    ...s.sheets.map((name) =>
      h(
        'button',
        {
          type: 'button',
          role: 'tab',
          'aria-selected': String(name === wanted),
          'data-sheet': name,
          onclick: () => {
            panel?.enlarge(false); // the sheet comes back from under an enlarged panel
            wanted = name;
            if (state) renderTabs(state);
            void loadSheet();
            // The tab becomes the active sheet (menu items such as "Import OKRs from this tab" use it).
            void call('POST', '/api/select', { sheet: name, a1: 'A1' }).catch(() => undefined);
          },
        },
        name,
      ),
    ),
  );
}

function renderGrid(v: SheetView): void {
  const table = $<HTMLTableElement>('grid');
  const width = Math.max(
    v.rows.reduce((m, r) => Math.max(m, r.length), 0),
    8,
  );
  // Fixed layout: the sheet's own column widths decide, long text is cut with an ellipsis as in Sheets.
  // The row numbers' column header: named for screen readers, blank on screen as in Sheets.
  const corner = h('th', { class: 'corner', scope: 'col' }, h('span', { class: 'sr' }, 'Row'));
  corner.style.width = '46px';
  const head = h('tr', {}, corner);
  let total = 46;
  const widths: number[] = [];
  for (let c = 1; c <= width; c++) {
    const th = h('th', { scope: 'col' }, columnToLetters(c));
    const w = Math.max(40, Math.min(v.widths[c - 1] ?? 100, 400));
    widths.push(w);
    th.style.width = `${w}px`;
    total += w;
    head.append(th);
  }
  table.style.width = `${total}px`;
  const body = h('tbody');
  const rowCount = Math.max(v.rows.length, 20);
  for (let r = 0; r < rowCount; r++) {
    const frozen = r < v.frozenRows;
    const tr = h('tr', { class: frozen ? (r === v.frozenRows - 1 ? 'frozen last' : 'frozen') : undefined });
    tr.append(h('th', { scope: 'row' }, r + 1));
    for (let c = 0; c < width; c++) {
      const cell: CellView = v.rows[r]?.[c] ?? { text: '' };
      const classes = [
        cell.align === 'right' ? 'num' : cell.align === 'center' ? 'center' : '',
        cell.note ? 'note' : '',
        cell.options ? 'dropdown' : '',
        selected && selected.row === r + 1 && selected.col === c + 1 ? 'selected' : '',
      ].filter(Boolean);
      // Text runs on over empty cells to its right, as in Sheets (numbers never do).
      let spill = 0;
      if (!frozen && cell.text !== '' && !classes.includes('num')) {
        for (
          let n = c + 1;
          n < width && (v.rows[r]?.[n]?.text ?? '') === '' && !v.rows[r]?.[n]?.options;
          n++
        ) {
          spill += widths[n];
        }
      }
      const content = spill ? h('span', { class: 'spill' }, cell.text) : cell.text;
      if (spill && typeof content !== 'string') content.style.maxWidth = `${widths[c] + spill - 12}px`;
      if (spill) classes.push('spills');
      const td = h(
        'td',
        { 'data-a1': `${columnToLetters(c + 1)}${r + 1}`, class: classes.join(' ') || undefined },
        content,
      );
      if (cell.note) td.title = cell.note;
      // Style properties, not markup: an odd colour string from the workbook is simply ignored.
      if (cell.bg) td.style.backgroundColor = cell.bg;
      if (cell.color) td.style.color = cell.color;
      if (cell.bold) td.style.fontWeight = '600';
      td.addEventListener('click', () => {
        select(r + 1, c + 1);
        $('grid-wrap').focus({ preventScroll: true });
      });
      td.addEventListener('dblclick', () => $('cell-input').focus());
      tr.append(td);
    }
    body.append(tr);
  }
  table.replaceChildren(h('thead', {}, head), body);
  table.dataset.sheet = v.name;
  const wrap = $('grid-wrap');
  wrap.querySelector('.truncated')?.remove();
  if (v.truncatedRows > 0) {
    wrap.append(
      h('div', { class: 'truncated' }, `${v.truncatedRows} more rows are not shown in the sandbox.`),
    );
  }
}

function cellAt(row: number, col: number): CellView | undefined {
  return sheet?.rows[row - 1]?.[col - 1];
}

function select(row: number, col: number, tellServer = true): void {
  selected = { row, col };
  for (const td of document.querySelectorAll('#grid td.selected')) td.classList.remove('selected');
  const a1 = `${columnToLetters(col)}${row}`;
  document.querySelector(`#grid td[data-a1="${a1}"]`)?.classList.add('selected');
  $('namebox').textContent = a1;
  const cell = cellAt(row, col);
  const input = $<HTMLInputElement>('cell-input');
  // A background refresh must not wipe what the user is typing.
  if (tellServer || document.activeElement !== input) input.value = cell?.text ?? '';
  const dropdown = $<HTMLSelectElement>('dropdown');
  if (cell?.options) {
    dropdown.replaceChildren(
      h('option', { value: '' }, '— choose —'),
      ...cell.options.map((o) => h('option', { value: o }, o)),
    );
    dropdown.value = cell.options.includes(cell.text) ? cell.text : '';
    dropdown.hidden = false;
  } else dropdown.hidden = true;
  const help = [
    cell?.helpText,
    cell?.options && cell.strict ? 'Typed values outside the list are rejected.' : '',
  ]
    .filter(Boolean)
    .join(' ');
  $('help-text').textContent = help;
  if (tellServer) void call('POST', '/api/select', { sheet: sheetName, a1 }).catch(() => undefined);
}

async function applyEdit(value: string): Promise<void> {
  if (!selected) return toast('Select a cell first', 'error');
  const a1 = `${columnToLetters(selected.col)}${selected.row}`;
  const paste = $<HTMLInputElement>('paste').checked;
  const cell = cellAt(selected.row, selected.col);
  if (cell?.warn !== undefined && !(await confirmEdit(cell.warn))) return;
  // A rejected edit comes back as a notice in the state (shown by applyState).
  await act('/api/edit', { sheet: sheetName, a1, value, paste });
  $<HTMLInputElement>('paste').checked = false; // a paste is one action, not a mode
  await loadSheet();
}

async function loadSheet(name = wanted): Promise<void> {
  if (!name) return;
  const v = await call<SheetView>('GET', `/api/sheet?name=${encodeURIComponent(name)}`);
  if (name !== wanted) return; // the user moved to another tab meanwhile
  const json = JSON.stringify(v);
  if (name === sheetName && json === lastSheetJson) return; // nothing changed: no redraw, no flicker
  lastSheetJson = json;
  const changedSheet = name !== sheetName;
  sheetName = name;
  sheet = v;
  if (changedSheet) selected = undefined;
  renderGrid(v);
  if (state) renderTabs(state);
  if (selected) select(selected.row, selected.col, false);
}

// ---- sidebar ----
function renderSidebar(s: AppState): void {
  const panel = $('sidebar-panel');
  panel.hidden = !s.sidebarOpen;
  $('sidebar-title').textContent = s.sidebarTitle || 'Sidebar';
  const frame = $<HTMLIFrameElement>('sidebar-frame');
  if (!s.sidebarOpen) {
    if (sidebarFor) frame.src = 'about:blank';
    sidebarFor = '';
  } else if (sidebarFor !== `${s.user}#${s.sidebarTitle}`) {
    sidebarFor = `${s.user}#${s.sidebarTitle}`;
    frame.src = `${s.sidebarBase}/sidebar?as=${encodeURIComponent(s.user)}`;
  }
}

// ---- clock, outbox, log ----
function renderClock(s: AppState): void {
  $('now').textContent = s.nowText;
  $('tz').textContent = `(${s.timeZone})`;
  const until = $<HTMLInputElement>('tick-until');
  if (document.activeElement !== until) until.value = s.nowInput;
  // Monday 09:00 is the add-on's default schedule; the hourly trigger sends within the hour.
  $('tick-weekly').textContent = `To ${s.weeklyText} (the weekly run)`;
  const rows = s.triggers.map((t) =>
    h(
      'tr',
      {},
      h('td', {}, t.handler),
      h('td', {}, t.type),
      h('td', {}, t.everyHours ? `every ${t.everyHours} h` : ''),
      h('td', {}, t.owner),
      h('td', { class: 'time' }, t.nextAt ? fmtTime(t.nextAt) : ''),
    ),
  );
  $('triggers').replaceChildren(
    h('caption', { class: 'muted' }, `Installed triggers (${s.triggers.length})`),
    h(
      'tr',
      {},
      h('th', {}, 'Function'),
      h('th', {}, 'Event'),
      h('th', {}, 'Interval'),
      h('th', {}, 'Runs as'),
      h('th', {}, 'Next'),
    ),
    ...(rows.length
      ? rows
      : [h('tr', {}, h('td', { colspan: 5, class: 'muted' }, 'No triggers installed.'))]),
  );
}

let outboxJson = '';

function renderOutbox(s: AppState): void {
  // Sent mail only grows: redrawn when it did (or the zone changed), not on every state the page
  // applies, so a row keeps its focus and stays the one under the pointer.
  const json = JSON.stringify([s.outbox.length, s.timeZone]);
  if (json === outboxJson) return;
  outboxJson = json;
  $('outbox-count').textContent = `(${s.outbox.length})`;
  const list = [...s.outbox].reverse();
  $('outbox').replaceChildren(
    h('tr', {}, h('th', {}, 'Sent'), h('th', {}, 'To'), h('th', {}, 'Subject')),
    ...(list.length
      ? list.map((m) =>
          h(
            'tr',
            {
              class: `clickable${m.index === emailIndex ? ' current' : ''}`,
              tabindex: 0,
              'data-email': m.index,
              onclick: () => void openEmail(m),
              onkeydown: (e: Event) => {
                if ((e as KeyboardEvent).key === 'Enter') void openEmail(m);
              },
            },
            h('td', { class: 'time', title: fmtTime(m.at) }, fmtTime(m.at)),
            h('td', { title: m.to }, m.to),
            h('td', { title: m.subject }, m.subject),
          ),
        )
      : [h('tr', {}, h('td', { colspan: 3, class: 'muted' }, 'No email sent yet.'))]),
  );
}

const emailBodies = new Map<number, EmailBody>();

/** A person chose an email: it opens with the panel enlarged, so it reads in one view. */
async function openEmail(m: EmailView): Promise<void> {
  panel?.enlarge(true);
  await showEmail(m);
}

function closeEmail(): void {
  emailIndex = undefined;
  $('email').hidden = true;
  for (const tr of document.querySelectorAll('#outbox tr.current')) tr.classList.remove('current');
  panel?.enlarge(false);
}

async function showEmail(m: EmailView, view?: 'html' | 'text'): Promise<void> {
  emailIndex = m.index;
  for (const tr of document.querySelectorAll('#outbox tr.current')) tr.classList.remove('current');
  document.querySelector(`#outbox tr[data-email="${m.index}"]`)?.classList.add('current');
  let bodies = emailBodies.get(m.index);
  if (!bodies) {
    bodies = await call<EmailBody>('GET', `/api/email?index=${m.index}`);
    emailBodies.set(m.index, bodies); // sent mail never changes
  }
  if (emailIndex !== m.index) return; // another email was chosen meanwhile
  $('email').hidden = false;
  const head = $('email-head');
  head.replaceChildren();
  const field = (k: string, v?: string) => v && head.append(h('dt', {}, k), h('dd', {}, v));
  field('From', m.name ? `${m.name} <${m.from}>` : m.from);
  field('To', m.to);
  field('Cc', m.cc);
  field('Bcc', m.bcc);
  field('Reply-To', m.replyTo);
  field('Subject', m.subject);
  field('Sent', fmtTime(m.at));
  const which = view ?? (m.hasHtml ? 'html' : 'text');
  // sandbox="" on the iframe: no scripts, no forms, no same-origin access, as a webmail client would.
  const frame = $<HTMLIFrameElement>('email-html');
  const html = m.hasHtml ? (bodies.htmlBody ?? '') : '';
  if (frame.srcdoc !== html) frame.srcdoc = html;
  frame.hidden = which !== 'html';
  $('email-text').hidden = which !== 'text';
  $('email-text').textContent = bodies.body;
  $('email-html-tab').setAttribute('aria-pressed', String(which === 'html'));
  $('email-text-tab').setAttribute('aria-pressed', String(which === 'text'));
  $<HTMLButtonElement>('email-html-tab').disabled = !m.hasHtml;
}

function renderLog(s: AppState): void {
  $('log-count').textContent = `(${s.log.length})`;
  const row = (x: ExecutionView) => {
    const sorted = Object.entries(x.calls).sort((a, b) => b[1] - a[1]);
    const top =
      sorted
        .slice(0, 4)
        .map(([k, n]) => `${k} ×${n}`)
        .join(', ') + (sorted.length > 4 ? `, +${sorted.length - 4} more` : '');
    const outcome = x.rejected ? `rejected: ${x.rejected}` : x.ok ? 'ok' : (x.error ?? 'failed');
    return h(
      'tr',
      { 'data-function': x.function },
      h('td', {}, x.seq),
      h('td', {}, x.function, x.repeat ? h('span', { class: 'muted' }, ` ×${x.repeat}`) : null),
      h('td', {}, x.via),
      h('td', {}, x.user || '(anonymous)'),
      h(
        'td',
        { class: x.ok && !x.rejected ? 'good' : 'bad' },
        outcome,
        // Logger.log / console output of the run, as the Apps Script editor's execution log shows it.
        x.logs.length
          ? h(
              'details',
              { class: 'logs' },
              h('summary', {}, `${x.logs.length} log line(s)`),
              h('pre', {}, x.logs.join('\n')),
            )
          : null,
      ),
      h(
        'td',
        { title: sorted.map(([k, n]) => `${k} ×${n}`).join('\n') },
        `${x.totalCalls}`,
        h('div', { class: 'calls' }, top),
      ),
      h('td', {}, `${(x.virtualMs / 1000).toFixed(2)} s`),
      h('td', {}, x.emails || ''),
      h('td', { class: 'time' }, fmtTime(x.startedAt)),
    );
  };
  $('log').replaceChildren(
    h(
      'tr',
      {},
      h('th', {}, '#'),
      h('th', {}, 'Function'),
      h('th', {}, 'Via'),
      h('th', {}, 'User'),
      h('th', {}, 'Result'),
      h('th', {}, 'Service calls'),
      h('th', {}, 'Virtual time'),
      h('th', {}, 'Emails'),
      h('th', {}, 'Started'),
    ),
    ...[...s.log].reverse().map(row),
  );
}

async function applyState(s: AppState): Promise<void> {
  if (state && s.version < state.version) return; // an older answer that arrived late
  const firstLoad = !state;
  state = s;
  document.title = `${s.workbookName} — OKR Owners sandbox`;
  $('doc-name').textContent = s.workbookName;
  renderMenus(s);
  renderUsers(s);
  renderClock(s);
  renderOutbox(s);
  renderLog(s);
  renderSidebar(s);
  if (!wanted || !s.sheets.includes(wanted)) wanted = s.sheets[0] ?? '';
  renderTabs(s);
  // Notices already there when the page opened are history, not news.
  for (const n of s.notices) {
    if (firstLoad || n.id <= shownNotice) continue;
    // Ui.alert, and Sheets' "There was a problem" for a typed value its validation rejects: dialogs.
    if (n.kind === 'alert' || n.kind === 'rejected') showAlert(n.text);
    else toast(n.text, n.kind);
  }
  shownNotice = s.notices.at(-1)?.id ?? shownNotice;
  if (firstLoad) await loadSheet();
  // A script moved the cursor (the sidebar's Problems list, "select the row"): follow it.
  const moved = s.scriptSelection?.seq ?? 0;
  if (moved !== scriptSelection) {
    scriptSelection = moved;
    if (!firstLoad && s.scriptSelection) {
      const { sheet: name, row, col } = s.scriptSelection;
      wanted = name;
      renderTabs(s);
      await loadSheet();
      select(row, col, false);
      document
        .querySelector(`#grid td[data-a1="${columnToLetters(col)}${row}"]`)
        ?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    }
  }
  // For tests and tools: the state version this page has fully applied.
  document.body.dataset.version = String(s.version);
}

async function refresh(): Promise<void> {
  const s = await call<AppState>('GET', '/api/state');
  await applyState(s);
  await loadSheet();
}

function wire(): void {
  document.addEventListener('click', closeMenus);
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') closeMenus();
  });
  $<HTMLSelectElement>('user').addEventListener('change', (e) => {
    const email = (e.target as HTMLSelectElement).value;
    void act('/api/user', { email }).then(() => loadSheet());
  });
  const input = $<HTMLInputElement>('cell-input');
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      // preventDefault: the same Enter must not also press a button of the dialog this may open.
      e.preventDefault();
      void applyEdit(input.value).then(() => $('grid-wrap').focus());
    } else if (e.key === 'Escape' && selected) {
      $('grid-wrap').focus(); // first, so select() may put the cell's value back
      select(selected.row, selected.col, false);
    }
  });
  // Keyboard in the grid, as in Sheets: arrows move, Enter or typing edits the cell.
  const wrap = $('grid-wrap');
  wrap.addEventListener('keydown', (e) => {
    if (!selected || e.target !== wrap) return;
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
      Tab: [0, e.shiftKey ? -1 : 1],
    };
    const m = moves[e.key];
    if (m) {
      e.preventDefault();
      const row = Math.max(1, selected.row + m[0]);
      const col = Math.max(1, selected.col + m[1]);
      select(row, col);
      document
        .querySelector(`#grid td[data-a1="${columnToLetters(col)}${row}"]`)
        ?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    } else if (e.key === 'Enter' || e.key === 'F2') {
      e.preventDefault();
      input.focus();
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      input.value = e.key;
      input.focus();
    }
  });
  $('apply').addEventListener('click', () => void applyEdit(input.value));
  $<HTMLSelectElement>('dropdown').addEventListener('change', (e) => {
    const v = (e.target as HTMLSelectElement).value;
    if (v) void applyEdit(v);
  });
  $('sidebar-close').addEventListener('click', () => {
    $('sidebar-panel').hidden = true;
    $<HTMLIFrameElement>('sidebar-frame').src = 'about:blank';
    sidebarFor = '';
    // Tell the server too, or the next state refresh would open the panel again.
    void fetch('/api/sidebar/close', { method: 'POST' });
  });
  $('tick-form').addEventListener('submit', (e) => {
    e.preventDefault();
    void act('/api/tick', { until: $<HTMLInputElement>('tick-until').value }).then((r) => {
      if (r?.message) toast(r.message);
    });
  });
  for (const b of document.querySelectorAll<HTMLButtonElement>('[data-advance]')) {
    b.addEventListener('click', () => {
      if (!state) return;
      void act('/api/tick', { until: state.now + Number(b.dataset.advance) }).then(
        (r) => r?.message && toast(r.message),
      );
    });
  }
  $('tick-weekly').addEventListener('click', () => {
    if (!state) return;
    void act('/api/tick', { until: state.weeklyAt }).then((r) => r?.message && toast(r.message));
  });
  panel = setUpPanel();
  for (const b of document.querySelectorAll<HTMLButtonElement>('.panel-tabs [data-panel]')) {
    b.addEventListener('click', () => {
      panel?.show();
      for (const o of document.querySelectorAll<HTMLButtonElement>('.panel-tabs [data-panel]')) {
        o.setAttribute('aria-selected', String(o === b));
        $(`panel-${o.dataset.panel}`).hidden = o !== b;
      }
    });
  }
  $('email-close').addEventListener('click', closeEmail);
  $('email-html-tab').addEventListener('click', () => {
    if (state && emailIndex !== undefined) void showEmail(state.outbox[emailIndex], 'html');
  });
  $('email-text-tab').addEventListener('click', () => {
    if (state && emailIndex !== undefined) void showEmail(state.outbox[emailIndex], 'text');
  });
}

// The sidebar calls the add-on through the runtime, not through this page: poll for changes.
async function poll(): Promise<void> {
  try {
    const { version } = await call<{ version: number }>('GET', '/api/version');
    if (state && version !== state.version) await refresh();
  } catch {
    // server gone (Ctrl+C): keep the last view
  }
  setTimeout(() => void poll(), 1000);
}

wire();
void refresh().then(() => poll());
