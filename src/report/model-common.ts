import Decimal from 'decimal.js';
import { roundPartsToTotal } from '../engine/contract/rounding';
import { Money } from '../engine/shared/decimal';
import {
  discountFactor,
  FINANCE_MINISTRY_2021_SCHEDULE,
  flatDiscountSchedule,
} from '../engine/shared/discount';
import { texts } from './i18n';
import type {
  AssumptionEntry,
  CellValue,
  ReportColumn,
  ReportLanguage,
  ReportTable,
} from './types';

/** Helpers shared by the three report models. */

/**
 * Yearly amounts discounted to the base year (year index 0 weighs 1) and rounded to øre by
 * largest remainder so that they sum exactly to `total`, the result's own NPV. `rate` null means
 * the Finance Ministry's 2021 schedule, as in the engines.
 */
export function discountedYears(
  values: readonly string[],
  rate: number | null,
  total: string,
): string[] {
  const schedule = rate === null ? FINANCE_MINISTRY_2021_SCHEDULE : flatDiscountSchedule(rate);
  const parts = values.map((value, y) => new Money(value).times(discountFactor(y, schedule)));
  return roundPartsToTotal(parts, new Money(total)).map((part) => part.toFixed(2));
}

/**
 * The net present value of yearly amounts as the engines compute one: Σ value × discount factor
 * (year index 0 weighs 1), rounded once to øre, half-even. `rate` null: the Finance Ministry's
 * 2021 schedule.
 */
export function discountedNpv(values: readonly string[], rate: number | null): string {
  const schedule = rate === null ? FINANCE_MINISTRY_2021_SCHEDULE : flatDiscountSchedule(rate);
  return Money.sum(
    new Money(0),
    ...values.map((value, y) => new Money(value).times(discountFactor(y, schedule))),
  )
    .toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN)
    .toFixed(2);
}

/** Σ of money strings, exact, as a money string. */
export function sumMoney(values: readonly string[]): string {
  return Money.sum(new Money(0), ...values.map((v) => new Money(v)))
    .toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN)
    .toFixed(2);
}

export function column(key: string, label: string, format: ReportColumn['format']): ReportColumn {
  return { key, label, format };
}

/** The provenance list as a table (the workbook's and the CSV's form of the report section). */
export function assumptionsTable(
  entries: readonly AssumptionEntry[],
  language: ReportLanguage,
): ReportTable {
  const t = texts(language);
  return {
    id: 'assumptions',
    title: t.sections.assumptions,
    columns: [
      column('origin', t.columns.origin, 'text'),
      column('file', t.columns.file, 'text'),
      column('pointer', t.columns.pointer, 'text'),
      column('label', t.columns.what, 'text'),
      column('value', t.columns.value, 'text'),
      column('unit', t.columns.unit, 'text'),
      column('status', t.columns.flags, 'text'),
      column('source', t.columns.source, 'text'),
      column('reason', t.columns.reason, 'text'),
    ],
    rows: entries.map((e) => [
      t.origins[e.origin],
      e.file,
      e.pointer,
      e.label,
      e.value,
      e.unit ?? null,
      statusOf(e, language),
      e.source ?? null,
      e.reason ?? null,
    ]),
  };
}

/** "kilde", "antagelse", "kalibreret" or "ingen kilde angivet", joined when several apply. */
export function statusOf(entry: AssumptionEntry, language: ReportLanguage): string {
  const flags = texts(language).flags;
  if (entry.unsourced) return flags.unsourced;
  return [
    entry.source ? flags.sourced : null,
    entry.assumption ? flags.assumption : null,
    entry.calibrated ? flags.calibrated : null,
  ]
    .filter((f): f is string => f !== null)
    .join(', ');
}

/** Keys of run inputs that hold computed data (from the knowledge base), not inputs. */
const COMPUTED_INPUT_KEYS = new Set(['gainProfile', 'gains', 'sources']);

/** The run's inputs as pointer → value rows, leaving out computed profiles and source maps. */
export function inputsTable(inputs: unknown, language: ReportLanguage): ReportTable {
  const t = texts(language);
  const rows: CellValue[][] = [];
  const visit = (value: unknown, pointer: string): void => {
    if (Array.isArray(value)) {
      value.forEach((element, i) => visit(element, `${pointer}/${i}`));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
        if (!COMPUTED_INPUT_KEYS.has(key)) visit(child, `${pointer}/${key}`);
      }
    } else if (value !== undefined) {
      rows.push([pointer, value === null ? 'null' : String(value as string | number | boolean)]);
    }
  };
  visit(inputs, '');
  return {
    id: 'inputs',
    title: t.sections.inputs,
    columns: [
      column('pointer', t.columns.pointer, 'text'),
      column('value', t.columns.value, 'text'),
    ],
    rows,
  };
}

/** The calendar year of a contract year (1 = the start year). */
export function calendarYear(startYear: number, contractYear: number | null): number | null {
  return contractYear === null ? null : startYear + contractYear - 1;
}
