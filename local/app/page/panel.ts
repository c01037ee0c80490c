// The sandbox's own panel under the sheet (clock, outbox, execution log). It is sized by its
// splitter (drag it, or focus it and use the arrow keys), hidden down to its tab bar, or enlarged to
// the sheet's whole height to read an email in one view. Its height and whether it is hidden are
// remembered in this browser (localStorage), so the sheet and the sidebar get the room a person
// gave them. The add-on's sidebar is beside both, full height, as in Google Sheets.

const STORAGE_KEY = 'okr-sandbox.panel';
const DEFAULT_HEIGHT = 220;
/** The panel's least height when shown: its tab bar and a few lines. */
const MIN_HEIGHT = 110;
/** What the sheet keeps at least: the formula bar, a few rows and its tabs. */
const SHEET_MIN_HEIGHT = 160;
const KEY_STEP = 24;

interface Saved {
  height: number;
  collapsed: boolean;
}

export interface PanelLayout {
  /** Shows the panel if it was hidden (choosing one of its tabs does). */
  show(): void;
  /** Gives the panel the sheet's height (reading an email), or gives the sheet its place back. */
  enlarge(on: boolean): void;
  readonly enlarged: boolean;
}

function load(): Saved {
  try {
    const v = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as Partial<Saved> | null;
    if (v && typeof v.height === 'number' && Number.isFinite(v.height))
      return { height: v.height, collapsed: v.collapsed === true };
  } catch {
    // storage unavailable or damaged: the defaults
  }
  return { height: DEFAULT_HEIGHT, collapsed: false };
}

function save(s: Saved): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(s));
  } catch {
    // storage unavailable (private mode): the layout simply is not remembered
  }
}

export function setUpPanel(): PanelLayout {
  const byId = (id: string) => document.getElementById(id) as HTMLElement;
  const column = byId('work-column');
  const panels = byId('panels');
  const resizer = byId('panel-resizer');
  const toggle = byId('panel-toggle');
  const enlargeButton = byId('panel-maximise');
  const saved = load();
  let enlarged = false;

  const maxHeight = () => Math.max(MIN_HEIGHT, column.clientHeight - SHEET_MIN_HEIGHT);
  const clamp = (h: number) => Math.round(Math.min(Math.max(h, MIN_HEIGHT), maxHeight()));

  function apply(): void {
    const height = clamp(saved.height);
    panels.style.height = saved.collapsed || enlarged ? '' : `${height}px`;
    panels.classList.toggle('collapsed', saved.collapsed);
    column.classList.toggle('enlarged', enlarged && !saved.collapsed);
    toggle.textContent = saved.collapsed ? 'Show' : 'Hide';
    toggle.title = saved.collapsed ? 'Show the panel' : 'Hide the panel down to its tabs';
    toggle.setAttribute('aria-expanded', String(!saved.collapsed));
    enlargeButton.textContent = enlarged ? 'Restore' : 'Enlarge';
    enlargeButton.setAttribute('aria-pressed', String(enlarged));
    enlargeButton.hidden = saved.collapsed;
    resizer.setAttribute(
      'aria-valuenow',
      String(Math.round((100 * height) / Math.max(1, column.clientHeight))),
    );
  }

  function resizeTo(h: number): void {
    saved.height = clamp(h);
    apply();
  }

  resizer.addEventListener('pointerdown', (e) => {
    e.preventDefault();
    const startY = e.clientY;
    const startHeight = panels.getBoundingClientRect().height;
    resizer.setPointerCapture(e.pointerId);
    resizer.classList.add('dragging');
    const move = (m: PointerEvent) => resizeTo(startHeight + (startY - m.clientY));
    const end = () => {
      resizer.removeEventListener('pointermove', move);
      resizer.classList.remove('dragging');
      save(saved);
    };
    resizer.addEventListener('pointermove', move);
    resizer.addEventListener('pointerup', end, { once: true });
    resizer.addEventListener('pointercancel', end, { once: true });
  });
  resizer.addEventListener('keydown', (e) => {
    const to: Record<string, number> = {
      ArrowUp: saved.height + KEY_STEP,
      ArrowDown: saved.height - KEY_STEP,
      Home: MIN_HEIGHT,
      End: maxHeight(),
    };
    if (!(e.key in to)) return;
    e.preventDefault();
    resizeTo(to[e.key]);
    save(saved);
  });
  toggle.addEventListener('click', () => {
    saved.collapsed = !saved.collapsed;
    if (saved.collapsed) enlarged = false;
    apply();
    save(saved);
  });
  enlargeButton.addEventListener('click', () => layout.enlarge(!enlarged));
  window.addEventListener('resize', apply);

  const layout: PanelLayout = {
    show() {
      if (!saved.collapsed) return;
      saved.collapsed = false;
      apply();
      save(saved);
    },
    enlarge(on: boolean) {
      if (on) layout.show();
      enlarged = on;
      apply();
    },
    get enlarged() {
      return enlarged;
    },
  };
  apply();
  return layout;
}
