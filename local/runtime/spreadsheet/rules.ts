// Data validation and conditional format rules: builders and the immutable rule objects.
// https://developers.google.com/apps-script/reference/spreadsheet/data-validation-builder
// https://developers.google.com/apps-script/reference/spreadsheet/conditional-format-rule-builder
import { type Env, enumName, makeEnum } from './env';
import { isDate } from './format';
import type {
  BooleanCriteria,
  ConditionalRuleSpec,
  GridRef,
  ValidationCriteria,
  ValidationSpec,
} from './types';
import { copyRule, copyValidation } from './workbook';

export const DATA_VALIDATION_CRITERIA = [
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_BETWEEN',
  'DATE_EQUAL_TO',
  'DATE_IS_VALID_DATE',
  'DATE_NOT_BETWEEN',
  'DATE_ON_OR_AFTER',
  'DATE_ON_OR_BEFORE',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_IS_VALID_EMAIL',
  'TEXT_IS_VALID_URL',
  'VALUE_IN_LIST',
  'VALUE_IN_RANGE',
  'CUSTOM_FORMULA',
  'CHECKBOX',
] as const;

export const BOOLEAN_CRITERIA = [
  'CELL_EMPTY',
  'CELL_NOT_EMPTY',
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_EQUAL_TO',
  'DATE_NOT_EQUAL_TO',
  'DATE_AFTER_RELATIVE',
  'DATE_BEFORE_RELATIVE',
  'DATE_EQUAL_TO_RELATIVE',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_NOT_EQUAL_TO',
  'TEXT_STARTS_WITH',
  'TEXT_ENDS_WITH',
  'CUSTOM_FORMULA',
] as const;

/** Ranges reach rules as Range objects; the rules keep plain grid references. */
export interface RangeLike {
  __ref(): GridRef;
}

const isRangeLike = (x: unknown): x is RangeLike => !!x && typeof (x as RangeLike).__ref === 'function';

function hostDate(env: Env, d: unknown, method: string): Date {
  if (!isDate(d)) throw env.signature(method, [d]);
  return new Date(d.getTime());
}

function num(env: Env, n: unknown, method: string): number {
  if (typeof n !== 'number') throw env.signature(method, [n]);
  return n;
}

// ---------- data validation ----------

export class DataValidation {
  constructor(
    protected readonly env: Env,
    readonly spec: ValidationSpec,
  ) {}
  toString() {
    return 'DataValidation';
  }
  /** Service objects serialise as {} in Apps Script (and must not expose the runtime's internals). */
  toJSON() {
    return {};
  }
  getCriteriaType() {
    this.env.m('DataValidation.getCriteriaType');
    return this.env.enums.DataValidationCriteria[this.spec.criteria];
  }
  getCriteriaValues() {
    this.env.m('DataValidation.getCriteriaValues');
    return this.env.list(criteriaValuesOut(this.env, this.spec));
  }
  getAllowInvalid() {
    this.env.m('DataValidation.getAllowInvalid');
    return this.spec.allowInvalid;
  }
  getHelpText() {
    this.env.m('DataValidation.getHelpText');
    return this.spec.helpText;
  }
  copy() {
    this.env.m('DataValidation.copy');
    return new DataValidationBuilder(this.env, copyValidation(this.spec));
  }
}

function criteriaValuesOut(env: Env, spec: ValidationSpec): unknown[] {
  return spec.values.map((v) => {
    if (Array.isArray(v)) return env.out(v);
    if (isDate(v)) return env.out(v);
    if (v && typeof v === 'object' && 'sheetId' in (v as object)) return env.rangeOf(v as GridRef);
    return v;
  });
}

export class DataValidationBuilder {
  constructor(
    private readonly env: Env,
    private spec: ValidationSpec = {
      criteria: undefined as unknown as ValidationCriteria,
      values: [],
      allowInvalid: true,
      helpText: '',
    },
  ) {}
  toString() {
    return 'DataValidationBuilder';
  }
  /** Service objects serialise as {} in Apps Script (and must not expose the runtime's internals). */
  toJSON() {
    return {};
  }
  private set(method: string, criteria: ValidationCriteria, values: unknown[]): this {
    this.env.m(`DataValidationBuilder.${method}`);
    this.spec = { ...this.spec, criteria, values };
    return this;
  }
  build() {
    this.env.m('DataValidationBuilder.build');
    if (!this.spec.criteria) throw this.env.err('You must specify criteria for the data validation rule.');
    return new DataValidation(this.env, copyValidation(this.spec));
  }
  copy() {
    this.env.m('DataValidationBuilder.copy');
    return new DataValidationBuilder(this.env, copyValidation(this.spec));
  }
  getCriteriaType() {
    this.env.m('DataValidationBuilder.getCriteriaType');
    return this.spec.criteria ? this.env.enums.DataValidationCriteria[this.spec.criteria] : null;
  }
  getCriteriaValues() {
    this.env.m('DataValidationBuilder.getCriteriaValues');
    return this.env.list(criteriaValuesOut(this.env, this.spec));
  }
  getAllowInvalid() {
    this.env.m('DataValidationBuilder.getAllowInvalid');
    return this.spec.allowInvalid;
  }
  getHelpText() {
    this.env.m('DataValidationBuilder.getHelpText');
    return this.spec.helpText;
  }
  /** The default is true: a new rule only warns. https://developers.google.com/apps-script/reference/spreadsheet/data-validation-builder#setAllowInvalid(Boolean) */
  setAllowInvalid(allow: boolean) {
    this.env.m('DataValidationBuilder.setAllowInvalid');
    if (typeof allow !== 'boolean')
      throw this.env.signature('SpreadsheetApp.DataValidationBuilder.setAllowInvalid', [allow]);
    this.spec = { ...this.spec, allowInvalid: allow };
    return this;
  }
  setHelpText(text: string) {
    this.env.m('DataValidationBuilder.setHelpText');
    this.spec = { ...this.spec, helpText: text == null ? '' : String(text) };
    return this;
  }
  requireValueInList(values: unknown[], showDropdown?: boolean) {
    if (!Array.isArray(values))
      throw this.env.signature('SpreadsheetApp.DataValidationBuilder.requireValueInList', [values]);
    return this.set('requireValueInList', 'VALUE_IN_LIST', [
      values.map((v) => String(v)),
      showDropdown !== false,
    ]);
  }
  requireValueInRange(range: unknown, showDropdown?: boolean) {
    if (!isRangeLike(range))
      throw this.env.signature('SpreadsheetApp.DataValidationBuilder.requireValueInRange', [range]);
    return this.set('requireValueInRange', 'VALUE_IN_RANGE', [{ ...range.__ref() }, showDropdown !== false]);
  }
  requireCheckbox(checked?: unknown, unchecked?: unknown) {
    const vals = checked === undefined ? [] : unchecked === undefined ? [checked] : [checked, unchecked];
    return this.set('requireCheckbox', 'CHECKBOX', vals);
  }
  requireDate() {
    return this.set('requireDate', 'DATE_IS_VALID_DATE', []);
  }
  requireDateAfter(d: Date) {
    return this.set('requireDateAfter', 'DATE_AFTER', [
      hostDate(this.env, d, 'SpreadsheetApp.DataValidationBuilder.requireDateAfter'),
    ]);
  }
  requireDateBefore(d: Date) {
    return this.set('requireDateBefore', 'DATE_BEFORE', [
      hostDate(this.env, d, 'SpreadsheetApp.DataValidationBuilder.requireDateBefore'),
    ]);
  }
  requireDateBetween(a: Date, b: Date) {
    const m = 'SpreadsheetApp.DataValidationBuilder.requireDateBetween';
    return this.set('requireDateBetween', 'DATE_BETWEEN', [
      hostDate(this.env, a, m),
      hostDate(this.env, b, m),
    ]);
  }
  requireDateNotBetween(a: Date, b: Date) {
    const m = 'SpreadsheetApp.DataValidationBuilder.requireDateNotBetween';
    return this.set('requireDateNotBetween', 'DATE_NOT_BETWEEN', [
      hostDate(this.env, a, m),
      hostDate(this.env, b, m),
    ]);
  }
  requireDateEqualTo(d: Date) {
    return this.set('requireDateEqualTo', 'DATE_EQUAL_TO', [
      hostDate(this.env, d, 'SpreadsheetApp.DataValidationBuilder.requireDateEqualTo'),
    ]);
  }
  requireDateOnOrAfter(d: Date) {
    return this.set('requireDateOnOrAfter', 'DATE_ON_OR_AFTER', [
      hostDate(this.env, d, 'SpreadsheetApp.DataValidationBuilder.requireDateOnOrAfter'),
    ]);
  }
  requireDateOnOrBefore(d: Date) {
    return this.set('requireDateOnOrBefore', 'DATE_ON_OR_BEFORE', [
      hostDate(this.env, d, 'SpreadsheetApp.DataValidationBuilder.requireDateOnOrBefore'),
    ]);
  }
  requireNumberBetween(a: number, b: number) {
    const m = 'SpreadsheetApp.DataValidationBuilder.requireNumberBetween';
    return this.set('requireNumberBetween', 'NUMBER_BETWEEN', [num(this.env, a, m), num(this.env, b, m)]);
  }
  requireNumberNotBetween(a: number, b: number) {
    const m = 'SpreadsheetApp.DataValidationBuilder.requireNumberNotBetween';
    return this.set('requireNumberNotBetween', 'NUMBER_NOT_BETWEEN', [
      num(this.env, a, m),
      num(this.env, b, m),
    ]);
  }
  requireNumberEqualTo(n: number) {
    return this.set('requireNumberEqualTo', 'NUMBER_EQUAL_TO', [
      num(this.env, n, 'SpreadsheetApp.DataValidationBuilder.requireNumberEqualTo'),
    ]);
  }
  requireNumberNotEqualTo(n: number) {
    return this.set('requireNumberNotEqualTo', 'NUMBER_NOT_EQUAL_TO', [
      num(this.env, n, 'SpreadsheetApp.DataValidationBuilder.requireNumberNotEqualTo'),
    ]);
  }
  requireNumberGreaterThan(n: number) {
    return this.set('requireNumberGreaterThan', 'NUMBER_GREATER_THAN', [
      num(this.env, n, 'SpreadsheetApp.DataValidationBuilder.requireNumberGreaterThan'),
    ]);
  }
  requireNumberGreaterThanOrEqualTo(n: number) {
    return this.set('requireNumberGreaterThanOrEqualTo', 'NUMBER_GREATER_THAN_OR_EQUAL_TO', [
      num(this.env, n, 'SpreadsheetApp.DataValidationBuilder.requireNumberGreaterThanOrEqualTo'),
    ]);
  }
  requireNumberLessThan(n: number) {
    return this.set('requireNumberLessThan', 'NUMBER_LESS_THAN', [
      num(this.env, n, 'SpreadsheetApp.DataValidationBuilder.requireNumberLessThan'),
    ]);
  }
  requireNumberLessThanOrEqualTo(n: number) {
    return this.set('requireNumberLessThanOrEqualTo', 'NUMBER_LESS_THAN_OR_EQUAL_TO', [
      num(this.env, n, 'SpreadsheetApp.DataValidationBuilder.requireNumberLessThanOrEqualTo'),
    ]);
  }
  requireTextContains(t: string) {
    return this.set('requireTextContains', 'TEXT_CONTAINS', [String(t)]);
  }
  requireTextDoesNotContain(t: string) {
    return this.set('requireTextDoesNotContain', 'TEXT_DOES_NOT_CONTAIN', [String(t)]);
  }
  requireTextEqualTo(t: string) {
    return this.set('requireTextEqualTo', 'TEXT_EQUAL_TO', [String(t)]);
  }
  requireTextIsEmail() {
    return this.set('requireTextIsEmail', 'TEXT_IS_VALID_EMAIL', []);
  }
  requireTextIsUrl() {
    return this.set('requireTextIsUrl', 'TEXT_IS_VALID_URL', []);
  }
  requireFormulaSatisfied(formula: string) {
    return this.set('requireFormulaSatisfied', 'CUSTOM_FORMULA', [String(formula)]);
  }
  withCriteria(criteria: unknown, args: unknown[]) {
    const name = enumName(criteria) as ValidationCriteria;
    if (!DATA_VALIDATION_CRITERIA.includes(name as (typeof DATA_VALIDATION_CRITERIA)[number])) {
      throw this.env.signature('SpreadsheetApp.DataValidationBuilder.withCriteria', [criteria, args]);
    }
    const values = (Array.isArray(args) ? args : []).map((a) =>
      isRangeLike(a)
        ? { ...a.__ref() }
        : isDate(a)
          ? new Date(a.getTime())
          : Array.isArray(a)
            ? a.map(String)
            : a,
    );
    return this.set('withCriteria', name, values);
  }
}

// ---------- conditional format rules ----------

export class BooleanCondition {
  constructor(
    private readonly env: Env,
    private readonly spec: ConditionalRuleSpec,
  ) {}
  toString() {
    return 'BooleanCondition';
  }
  /** Service objects serialise as {} in Apps Script (and must not expose the runtime's internals). */
  toJSON() {
    return {};
  }
  getCriteriaType() {
    this.env.m('BooleanCondition.getCriteriaType');
    return this.env.enums.BooleanCriteria[this.spec.condition.type];
  }
  getCriteriaValues() {
    this.env.m('BooleanCondition.getCriteriaValues');
    return this.env.out(this.spec.condition.values);
  }
  getBackground() {
    this.env.m('BooleanCondition.getBackground');
    return this.spec.format.background ?? null;
  }
  getFontColor() {
    this.env.m('BooleanCondition.getFontColor');
    return this.spec.format.fontColor ?? null;
  }
  getBold() {
    this.env.m('BooleanCondition.getBold');
    return this.spec.format.bold ?? null;
  }
  getItalic() {
    this.env.m('BooleanCondition.getItalic');
    return this.spec.format.italic ?? null;
  }
  getStrikethrough() {
    this.env.m('BooleanCondition.getStrikethrough');
    return this.spec.format.strikethrough ?? null;
  }
  getUnderline() {
    this.env.m('BooleanCondition.getUnderline');
    return this.spec.format.underline ?? null;
  }
}

export class ConditionalFormatRule {
  constructor(
    protected readonly env: Env,
    readonly spec: ConditionalRuleSpec,
  ) {}
  toString() {
    return 'ConditionalFormatRule';
  }
  /** Service objects serialise as {} in Apps Script (and must not expose the runtime's internals). */
  toJSON() {
    return {};
  }
  getBooleanCondition() {
    this.env.m('ConditionalFormatRule.getBooleanCondition');
    return this.spec.condition.type ? new BooleanCondition(this.env, this.spec) : null;
  }
  getGradientCondition() {
    this.env.m('ConditionalFormatRule.getGradientCondition');
    return null;
  }
  getRanges() {
    this.env.m('ConditionalFormatRule.getRanges');
    return this.env.list(this.spec.ranges.map((g) => this.env.rangeOf(g)));
  }
  copy() {
    this.env.m('ConditionalFormatRule.copy');
    return new ConditionalFormatRuleBuilder(this.env, copyRule(this.spec));
  }
}

type Fmt = ConditionalRuleSpec['format'];

export class ConditionalFormatRuleBuilder {
  constructor(
    private readonly env: Env,
    private spec: ConditionalRuleSpec = {
      ranges: [],
      condition: { type: undefined as unknown as BooleanCriteria, values: [] },
      format: {},
    },
  ) {}
  toString() {
    return 'ConditionalFormatRuleBuilder';
  }
  /** Service objects serialise as {} in Apps Script (and must not expose the runtime's internals). */
  toJSON() {
    return {};
  }
  private when(method: string, type: BooleanCriteria, values: unknown[]): this {
    this.env.m(`ConditionalFormatRuleBuilder.${method}`);
    this.spec = { ...this.spec, condition: { type, values } };
    return this;
  }
  private fmt(method: string, patch: Fmt): this {
    this.env.m(`ConditionalFormatRuleBuilder.${method}`);
    const format = { ...this.spec.format, ...patch };
    for (const k of Object.keys(format) as Array<keyof Fmt>)
      if (format[k] === null || format[k] === undefined) delete format[k];
    this.spec = { ...this.spec, format };
    return this;
  }
  build() {
    this.env.m('ConditionalFormatRuleBuilder.build');
    if (!this.spec.condition.type) throw this.env.err('Conditional format rule must have a condition.');
    return new ConditionalFormatRule(this.env, copyRule(this.spec));
  }
  copy() {
    this.env.m('ConditionalFormatRuleBuilder.copy');
    return new ConditionalFormatRuleBuilder(this.env, copyRule(this.spec));
  }
  getBooleanCondition() {
    this.env.m('ConditionalFormatRuleBuilder.getBooleanCondition');
    return this.spec.condition.type ? new BooleanCondition(this.env, copyRule(this.spec)) : null;
  }
  getGradientCondition() {
    this.env.m('ConditionalFormatRuleBuilder.getGradientCondition');
    return null;
  }
  getRanges() {
    this.env.m('ConditionalFormatRuleBuilder.getRanges');
    return this.env.list(this.spec.ranges.map((g) => this.env.rangeOf(g)));
  }
  setRanges(ranges: unknown[]) {
    this.env.m('ConditionalFormatRuleBuilder.setRanges');
    if (!Array.isArray(ranges) || !ranges.every(isRangeLike)) {
      throw this.env.signature('SpreadsheetApp.ConditionalFormatRuleBuilder.setRanges', [ranges]);
    }
    this.spec = { ...this.spec, ranges: ranges.map((r) => ({ ...r.__ref() })) };
    return this;
  }
  setBackground(color: string | null) {
    return this.fmt('setBackground', { background: color == null ? undefined : this.env.color(color) });
  }
  setFontColor(color: string | null) {
    return this.fmt('setFontColor', { fontColor: color == null ? undefined : this.env.color(color) });
  }
  setBold(b: boolean | null) {
    return this.fmt('setBold', { bold: b ?? undefined });
  }
  setItalic(b: boolean | null) {
    return this.fmt('setItalic', { italic: b ?? undefined });
  }
  setStrikethrough(b: boolean | null) {
    return this.fmt('setStrikethrough', { strikethrough: b ?? undefined });
  }
  setUnderline(b: boolean | null) {
    return this.fmt('setUnderline', { underline: b ?? undefined });
  }
  whenCellEmpty() {
    return this.when('whenCellEmpty', 'CELL_EMPTY', []);
  }
  whenCellNotEmpty() {
    return this.when('whenCellNotEmpty', 'CELL_NOT_EMPTY', []);
  }
  whenFormulaSatisfied(f: string) {
    return this.when('whenFormulaSatisfied', 'CUSTOM_FORMULA', [String(f)]);
  }
  whenDateAfter(d: unknown) {
    return this.when('whenDateAfter', isDate(d) ? 'DATE_AFTER' : 'DATE_AFTER_RELATIVE', [
      isDate(d) ? new Date(d.getTime()) : enumName(d),
    ]);
  }
  whenDateBefore(d: unknown) {
    return this.when('whenDateBefore', isDate(d) ? 'DATE_BEFORE' : 'DATE_BEFORE_RELATIVE', [
      isDate(d) ? new Date(d.getTime()) : enumName(d),
    ]);
  }
  whenDateEqualTo(d: unknown) {
    return this.when('whenDateEqualTo', isDate(d) ? 'DATE_EQUAL_TO' : 'DATE_EQUAL_TO_RELATIVE', [
      isDate(d) ? new Date(d.getTime()) : enumName(d),
    ]);
  }
  whenNumberBetween(a: number, b: number) {
    return this.when('whenNumberBetween', 'NUMBER_BETWEEN', [a, b]);
  }
  whenNumberNotBetween(a: number, b: number) {
    return this.when('whenNumberNotBetween', 'NUMBER_NOT_BETWEEN', [a, b]);
  }
  whenNumberEqualTo(n: number) {
    return this.when('whenNumberEqualTo', 'NUMBER_EQUAL_TO', [n]);
  }
  whenNumberNotEqualTo(n: number) {
    return this.when('whenNumberNotEqualTo', 'NUMBER_NOT_EQUAL_TO', [n]);
  }
  whenNumberGreaterThan(n: number) {
    return this.when('whenNumberGreaterThan', 'NUMBER_GREATER_THAN', [n]);
  }
  whenNumberGreaterThanOrEqualTo(n: number) {
    return this.when('whenNumberGreaterThanOrEqualTo', 'NUMBER_GREATER_THAN_OR_EQUAL_TO', [n]);
  }
  whenNumberLessThan(n: number) {
    return this.when('whenNumberLessThan', 'NUMBER_LESS_THAN', [n]);
  }
  whenNumberLessThanOrEqualTo(n: number) {
    return this.when('whenNumberLessThanOrEqualTo', 'NUMBER_LESS_THAN_OR_EQUAL_TO', [n]);
  }
  whenTextContains(t: string) {
    return this.when('whenTextContains', 'TEXT_CONTAINS', [String(t)]);
  }
  whenTextDoesNotContain(t: string) {
    return this.when('whenTextDoesNotContain', 'TEXT_DOES_NOT_CONTAIN', [String(t)]);
  }
  whenTextEqualTo(t: string) {
    return this.when('whenTextEqualTo', 'TEXT_EQUAL_TO', [String(t)]);
  }
  whenTextStartsWith(t: string) {
    return this.when('whenTextStartsWith', 'TEXT_STARTS_WITH', [String(t)]);
  }
  whenTextEndsWith(t: string) {
    return this.when('whenTextEndsWith', 'TEXT_ENDS_WITH', [String(t)]);
  }
  withCriteria(criteria: unknown, args: unknown[]) {
    const name = enumName(criteria) as BooleanCriteria;
    if (!BOOLEAN_CRITERIA.includes(name as (typeof BOOLEAN_CRITERIA)[number])) {
      throw this.env.signature('SpreadsheetApp.ConditionalFormatRuleBuilder.withCriteria', [criteria, args]);
    }
    return this.when(
      'withCriteria',
      name,
      (Array.isArray(args) ? args : []).map((a) => (isDate(a) ? new Date(a.getTime()) : a)),
    );
  }
}

export const makeDataValidationCriteria = () => makeEnum(DATA_VALIDATION_CRITERIA);
export const makeBooleanCriteria = () => makeEnum(BOOLEAN_CRITERIA);
