import { formatDanishNumber } from '../cli/format';
import type { CellFormat, CellValue, ReportLanguage } from './types';

/**
 * Number formatting for reports, done on decimal strings (exact, no float round trip) with the
 * CLI's Danish formatter; English swaps the separators ("1.234.567,89" → "1,234,567.89").
 */

/** Decimals shown per format; money keeps its øre so the report equals the JSON to the øre. */
export const DISPLAY_DECIMALS = {
  kroner: 2,
  wholeKroner: 0,
  rounded: 0,
  count: 2,
  percent: 1,
  multiple: 2,
  decimal: 3,
} as const;

/** What a missing value (null, or an IRR that does not exist) shows as. */
export const MISSING = '–';

function swapSeparators(text: string): string {
  return text.replace(/[.,]/g, (c) => (c === '.' ? ',' : '.'));
}

/**
 * A number's plain decimal digits: a float rounded once by toFixed (on its exact binary value),
 * a decimal string as it is (the Danish formatter rounds it half away from zero).
 */
function decimalText(value: string | number, decimals: number): string {
  return typeof value === 'number' ? value.toFixed(decimals) : value;
}

/** "1234567.891" → "1.234.567,89" (da) or "1,234,567.89" (en); half away from zero. */
export function formatNumber(
  value: string | number,
  decimals: number,
  language: ReportLanguage,
): string {
  if (typeof value === 'number' && !Number.isFinite(value)) return MISSING;
  const danish = formatDanishNumber(decimalText(value, decimals), decimals);
  return language === 'da' ? danish : swapSeparators(danish);
}

/** A fraction as a percentage: 0.1234 → "12,3 %" (da) or "12.3%" (en). */
export function formatPercentage(
  value: number,
  language: ReportLanguage,
  decimals: number = DISPLAY_DECIMALS.percent,
): string {
  if (!Number.isFinite(value)) return MISSING;
  const digits = formatNumber(value * 100, decimals, language);
  return language === 'da' ? `${digits} %` : `${digits}%`;
}

/** Money in whole kroner with the unit: "1.234.568 kr." / "DKK 1,234,568". */
export function formatAmount(value: string | number, language: ReportLanguage): string {
  const digits = formatNumber(value, DISPLAY_DECIMALS.wholeKroner, language);
  return language === 'da' ? `${digits} kr.` : `DKK ${digits}`;
}

/** One table cell as the report prints it. */
export function formatCell(value: CellValue, format: CellFormat, language: ReportLanguage): string {
  if (value === null || value === '') return MISSING;
  switch (format) {
    case 'text':
    case 'year':
    case 'integer':
      return typeof value === 'number' && format === 'integer'
        ? formatNumber(value.toFixed(0), 0, language)
        : String(value);
    case 'percent':
      return formatPercentage(Number(value), language);
    case 'multiple':
      return `${formatNumber(value, DISPLAY_DECIMALS.multiple, language)}×`;
    default:
      return formatNumber(value, DISPLAY_DECIMALS[format], language);
  }
}
