// Protection, NamedRange, Group, EmbeddedChart(+Builder), User: the objects a sheet carries.
// https://developers.google.com/apps-script/reference/spreadsheet/protection
import type { Env } from './env';
import type { ChartSpec, GridRef, ProtectionSpec } from './types';
import { mayEdit, type SheetData } from './workbook';

export class User {
  constructor(private readonly email: string) {}
  toString() {
    return 'User';
  }
  /** Service objects serialise as {} in Apps Script (and must not expose the runtime's internals). */
  toJSON() {
    return {};
  }
  getEmail() {
    return this.email;
  }
  getUserLoginId() {
    return this.email;
  }
}

export class Protection {
  constructor(
    private readonly env: Env,
    readonly spec: ProtectionSpec,
  ) {}
  toString() {
    return 'Protection';
  }
  /** Service objects serialise as {} in Apps Script (and must not expose the runtime's internals). */
  toJSON() {
    return {};
  }
  private m(method: string) {
    this.env.m(`Protection.${method}`);
    if (!this.env.wb.protections.includes(this.spec)) throw this.env.err('The protection has been removed.');
  }
  /**
   * Until a script changes the editors, they mirror the spreadsheet's; the first change starts from
   * the owner and the current user, who can never be removed.
   * https://developers.google.com/apps-script/reference/spreadsheet/protection#removeEditors(String)
   */
  private editors(): string[] {
    if (this.spec.editors === null)
      this.spec.editors = [...new Set([this.env.wb.owner, this.env.actor].filter(Boolean))];
    return this.spec.editors;
  }
  /** The owner and the current user can never be removed. */
  private keeps(x: string): boolean {
    return same(x, this.env.wb.owner) || same(x, this.env.actor);
  }
  getProtectionType() {
    this.m('getProtectionType');
    return this.env.enums.ProtectionType[this.spec.type];
  }
  getDescription() {
    this.m('getDescription');
    return this.spec.description;
  }
  setDescription(d: string) {
    this.m('setDescription');
    this.spec.description = String(d ?? '');
    return this;
  }
  isWarningOnly() {
    this.m('isWarningOnly');
    return this.spec.warningOnly;
  }
  setWarningOnly(w: boolean) {
    this.m('setWarningOnly');
    this.spec.warningOnly = Boolean(w);
    return this;
  }
  getEditors() {
    this.m('getEditors');
    const list = this.spec.editors ?? [...new Set([this.env.wb.owner, this.env.actor].filter(Boolean))];
    return this.env.list(list.map((e) => new User(e)));
  }
  addEditor(user: unknown) {
    this.m('addEditor');
    const e = emailOf(user);
    const eds = this.editors();
    if (!eds.some((x) => same(x, e))) eds.push(e);
    return this;
  }
  addEditors(users: unknown[]) {
    this.m('addEditors');
    const eds = this.editors();
    for (const u of users ?? []) {
      const e = emailOf(u);
      if (!eds.some((x) => same(x, e))) eds.push(e);
    }
    return this;
  }
  removeEditor(user: unknown) {
    this.m('removeEditor');
    const e = emailOf(user);
    this.spec.editors = this.editors().filter((x) => !same(x, e) || this.keeps(x));
    return this;
  }
  removeEditors(users: unknown[]) {
    this.m('removeEditors');
    const drop = new Set((users ?? []).map((u) => emailOf(u).toLowerCase()));
    this.spec.editors = this.editors().filter((x) => !drop.has(x.toLowerCase()) || this.keeps(x));
    return this;
  }
  canEdit() {
    this.m('canEdit');
    return mayEdit(this.spec, this.env.actor, this.env.wb.owner);
  }
  canDomainEdit() {
    this.m('canDomainEdit');
    return this.spec.domainEdit;
  }
  setDomainEdit(b: boolean) {
    this.m('setDomainEdit');
    this.editors();
    this.spec.domainEdit = Boolean(b);
    return this;
  }
  getRange() {
    this.m('getRange');
    const s = this.env.wb.sheetById(this.spec.sheetId) as SheetData;
    const g = this.spec.range ?? { sheetId: s.id, row: 1, col: 1, numRows: s.maxRows, numCols: s.maxCols };
    return this.env.rangeOf(g);
  }
  getRangeName() {
    this.m('getRangeName');
    return this.spec.rangeName ?? null;
  }
  setRange(range: { __ref(): GridRef }) {
    this.m('setRange');
    if (this.spec.type === 'RANGE') this.spec.range = { ...range.__ref() };
    return this;
  }
  setNamedRange(named: { getName(): string }) {
    this.m('setNamedRange');
    const g = this.env.wb.namedRanges.get(named.getName());
    if (g && this.spec.type === 'RANGE') {
      this.spec.range = { ...g };
      this.spec.rangeName = named.getName();
    }
    return this;
  }
  getUnprotectedRanges() {
    this.m('getUnprotectedRanges');
    return this.env.list(this.spec.unprotected.map((g) => this.env.rangeOf(g)));
  }
  setUnprotectedRanges(ranges: Array<{ __ref(): GridRef }>) {
    this.m('setUnprotectedRanges');
    if (this.spec.type === 'SHEET') this.spec.unprotected = (ranges ?? []).map((r) => ({ ...r.__ref() }));
    return this;
  }
  remove() {
    this.m('remove');
    this.env.wb.protections = this.env.wb.protections.filter((p) => p !== this.spec);
  }
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

function emailOf(u: unknown): string {
  if (u && typeof u === 'object' && typeof (u as User).getEmail === 'function') return (u as User).getEmail();
  return String(u);
}

export class NamedRange {
  constructor(
    private readonly env: Env,
    private name: string,
  ) {}
  toString() {
    return 'NamedRange';
  }
  /** Service objects serialise as {} in Apps Script (and must not expose the runtime's internals). */
  toJSON() {
    return {};
  }
  getName() {
    this.env.m('NamedRange.getName');
    return this.name;
  }
  getRange() {
    this.env.m('NamedRange.getRange');
    const g = this.env.wb.namedRanges.get(this.name);
    if (!g) throw this.env.err('Range not found');
    return this.env.rangeOf(g);
  }
  setName(n: string) {
    this.env.m('NamedRange.setName');
    const g = this.env.wb.namedRanges.get(this.name);
    if (g) {
      this.env.wb.namedRanges.delete(this.name);
      this.env.wb.namedRanges.set(n, g);
    }
    this.name = n;
    return this;
  }
  setRange(r: { __ref(): GridRef }) {
    this.env.m('NamedRange.setRange');
    this.env.wb.namedRanges.set(this.name, { ...r.__ref() });
    return this;
  }
  remove() {
    this.env.m('NamedRange.remove');
    this.env.wb.namedRanges.delete(this.name);
  }
}

/** A row group: the rows at depth ≥ `depth` around a row. */
export class Group {
  constructor(
    private readonly env: Env,
    private readonly sheet: SheetData,
    private readonly start: number,
    private readonly count: number,
    private readonly depth: number,
  ) {}
  toString() {
    return 'Group';
  }
  /** Service objects serialise as {} in Apps Script (and must not expose the runtime's internals). */
  toJSON() {
    return {};
  }
  private key() {
    return `${this.depth}:${this.start}`;
  }
  getDepth() {
    this.env.m('Group.getDepth');
    return this.depth;
  }
  getRange() {
    this.env.m('Group.getRange');
    return this.env.rangeOf({
      sheetId: this.sheet.id,
      row: this.start,
      col: 1,
      numRows: this.count,
      numCols: this.sheet.maxCols,
    });
  }
  /** The control toggle sits after the group by default (1-based row). */
  getControlIndex() {
    this.env.m('Group.getControlIndex');
    return this.start + this.count;
  }
  isCollapsed() {
    this.env.m('Group.isCollapsed');
    return this.sheet.collapsedGroups.has(this.key());
  }
  collapse() {
    this.env.m('Group.collapse');
    this.sheet.collapsedGroups.add(this.key());
    return this;
  }
  expand() {
    this.env.m('Group.expand');
    this.sheet.collapsedGroups.delete(this.key());
    return this;
  }
  remove() {
    this.env.m('Group.remove');
    for (let r = this.start; r < this.start + this.count; r++) {
      const d = (this.sheet.rowDepths[r] ?? 0) - 1;
      if (d <= 0) delete this.sheet.rowDepths[r];
      else this.sheet.rowDepths[r] = d;
    }
    this.sheet.collapsedGroups.delete(this.key());
  }
  shiftDepth(delta: number) {
    this.env.m('Group.shiftDepth');
    for (let r = this.start; r < this.start + this.count; r++) {
      const d = Math.max(0, (this.sheet.rowDepths[r] ?? 0) + delta);
      if (d === 0) delete this.sheet.rowDepths[r];
      else this.sheet.rowDepths[r] = d;
    }
    return this;
  }
}

export const CHART_TYPES = [
  'AREA',
  'BAR',
  'BUBBLE',
  'CANDLESTICK',
  'COLUMN',
  'COMBO',
  'GAUGE',
  'GEO',
  'HISTOGRAM',
  'RADAR',
  'LINE',
  'ORG',
  'PIE',
  'SCATTER',
  'SPARKLINE',
  'STEPPED_AREA',
  'TABLE',
  'TIMELINE',
  'TREEMAP',
  'WATERFALL',
] as const;

export class ChartOptions {
  constructor(private readonly options: Record<string, unknown>) {}
  get(key: string) {
    return this.options[key] ?? null;
  }
  getOrDefault(key: string) {
    return this.options[key] ?? null;
  }
}

export class EmbeddedChart {
  constructor(
    private readonly env: Env,
    readonly spec: ChartSpec,
  ) {}
  toString() {
    return 'EmbeddedChart';
  }
  /** Service objects serialise as {} in Apps Script (and must not expose the runtime's internals). */
  toJSON() {
    return {};
  }
  getChartId() {
    this.env.m('EmbeddedChart.getChartId');
    return this.spec.id;
  }
  getId() {
    this.env.m('EmbeddedChart.getId');
    return `u${this.spec.id}`;
  }
  getRanges() {
    this.env.m('EmbeddedChart.getRanges');
    return this.env.list(this.spec.ranges.map((g) => this.env.rangeOf(g)));
  }
  getOptions() {
    this.env.m('EmbeddedChart.getOptions');
    return new ChartOptions({ ...this.spec.options });
  }
  getContainerInfo() {
    this.env.m('EmbeddedChart.getContainerInfo');
    const p = this.spec.position;
    return {
      getAnchorRow: () => p.row,
      getAnchorColumn: () => p.col,
      getOffsetX: () => p.offsetX,
      getOffsetY: () => p.offsetY,
    };
  }
  getNumHeaders() {
    this.env.m('EmbeddedChart.getNumHeaders');
    return this.spec.numHeaders ?? -1;
  }
  getTransposeRowsAndColumns() {
    this.env.m('EmbeddedChart.getTransposeRowsAndColumns');
    return this.spec.transpose ?? false;
  }
  modify() {
    this.env.m('EmbeddedChart.modify');
    return new EmbeddedChartBuilder(this.env, structuredClone(this.spec));
  }
}

/** Builds a chart description; charts are stored (type, ranges, options), never drawn. */
export class EmbeddedChartBuilder {
  constructor(
    private readonly env: Env,
    private spec: ChartSpec,
  ) {}
  toString() {
    return 'EmbeddedChartBuilder';
  }
  /** Service objects serialise as {} in Apps Script (and must not expose the runtime's internals). */
  toJSON() {
    return {};
  }
  private m(method: string) {
    this.env.m(`EmbeddedChartBuilder.${method}`);
    return this;
  }
  addRange(r: { __ref(): GridRef }) {
    this.spec.ranges.push({ ...r.__ref() });
    return this.m('addRange');
  }
  removeRange(r: { __ref(): GridRef }) {
    const g = r.__ref();
    this.spec.ranges = this.spec.ranges.filter((x) => JSON.stringify(x) !== JSON.stringify(g));
    return this.m('removeRange');
  }
  clearRanges() {
    this.spec.ranges = [];
    return this.m('clearRanges');
  }
  getRanges() {
    this.m('getRanges');
    return this.env.list(this.spec.ranges.map((g) => this.env.rangeOf(g)));
  }
  setChartType(t: unknown) {
    this.spec.type = String(t);
    return this.m('setChartType');
  }
  getChartType() {
    this.m('getChartType');
    return this.env.enums.ChartType[this.spec.type] ?? null;
  }
  setOption(key: string, value: unknown) {
    this.spec.options[key] = value;
    return this.m('setOption');
  }
  setPosition(row: number, col: number, offsetX: number, offsetY: number) {
    this.spec.position = { row, col, offsetX, offsetY };
    return this.m('setPosition');
  }
  setNumHeaders(n: number) {
    this.spec.numHeaders = n;
    return this.m('setNumHeaders');
  }
  setTransposeRowsAndColumns(b: boolean) {
    this.spec.transpose = Boolean(b);
    return this.m('setTransposeRowsAndColumns');
  }
  setHiddenDimensionStrategy(s: unknown) {
    this.spec.hiddenDimensionStrategy = String(s);
    return this.m('setHiddenDimensionStrategy');
  }
  setMergeStrategy(s: unknown) {
    this.spec.mergeStrategy = String(s);
    return this.m('setMergeStrategy');
  }
  // The typed builders (asBarChart() …) are the same builder with convenience setters.
  private as(type: string, method: string) {
    this.spec.type = type;
    return this.m(method);
  }
  asAreaChart() {
    return this.as('AREA', 'asAreaChart');
  }
  asBarChart() {
    return this.as('BAR', 'asBarChart');
  }
  asColumnChart() {
    return this.as('COLUMN', 'asColumnChart');
  }
  asComboChart() {
    return this.as('COMBO', 'asComboChart');
  }
  asHistogramChart() {
    return this.as('HISTOGRAM', 'asHistogramChart');
  }
  asLineChart() {
    return this.as('LINE', 'asLineChart');
  }
  asPieChart() {
    return this.as('PIE', 'asPieChart');
  }
  asScatterChart() {
    return this.as('SCATTER', 'asScatterChart');
  }
  asTableChart() {
    return this.as('TABLE', 'asTableChart');
  }
  setTitle(t: string) {
    this.spec.options.title = t;
    return this.m('setTitle');
  }
  setXAxisTitle(t: string) {
    this.spec.options['hAxis.title'] = t;
    return this.m('setXAxisTitle');
  }
  setYAxisTitle(t: string) {
    this.spec.options['vAxis.title'] = t;
    return this.m('setYAxisTitle');
  }
  setColors(colors: string[]) {
    this.spec.options.colors = [...colors];
    return this.m('setColors');
  }
  setLegendPosition(p: unknown) {
    this.spec.options['legend.position'] = String(p).toLowerCase();
    return this.m('setLegendPosition');
  }
  setStacked() {
    this.spec.options.isStacked = true;
    return this.m('setStacked');
  }
  setRange(min: number, max: number) {
    this.spec.options['vAxis.viewWindow.min'] = min;
    this.spec.options['vAxis.viewWindow.max'] = max;
    return this.m('setRange');
  }
  setDimensions(w: number, h: number) {
    this.spec.options.width = w;
    this.spec.options.height = h;
    return this.m('setDimensions');
  }
  build() {
    this.m('build');
    return new EmbeddedChart(this.env, structuredClone(this.spec));
  }
}

export function newChartSpec(sheet: SheetData): ChartSpec {
  return {
    id: 0,
    sheetId: sheet.id,
    type: 'LINE',
    ranges: [],
    options: {},
    position: { row: 1, col: 1, offsetX: 0, offsetY: 0 },
  };
}
