/**
 * Danish number formatting, the same rules as the CLI (src/cli/format.ts): digits grouped with
 * '.', decimal comma, rounded half away from zero on the digit string (no float round trip for
 * amounts that arrive as strings).
 */

export function formatDanishNumber(value: string | number, decimals = 0): string {
  const text = typeof value === 'number' ? String(value) : value;
  if (!/^-?\d+(\.\d+)?$/.test(text)) return text;
  const negative = text.startsWith('-');
  const [whole, fraction = ''] = (negative ? text.slice(1) : text).split('.');
  let digits = (whole + fraction.padEnd(decimals + 1, '0').slice(0, decimals))
    .split('')
    .map(Number);
  if (Number(fraction.padEnd(decimals + 1, '0')[decimals]) >= 5) {
    let i = digits.length - 1;
    while (i >= 0 && digits[i] === 9) digits[i--] = 0;
    if (i < 0) digits = [1, ...digits];
    else digits[i] += 1;
  }
  const all = digits.join('');
  const intPart = all.slice(0, all.length - decimals) || '0';
  const fracPart = decimals > 0 ? ',' + all.slice(all.length - decimals) : '';
  const grouped = intPart.replace(/^0+(?=\d)/, '').replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const isZero = /^[0.,]*$/.test(grouped + fracPart);
  return `${negative && !isZero ? '-' : ''}${grouped}${fracPart}`;
}

/** A number as a decimal string for the formatter: its shortest form, unless that has an exponent. */
function plain(value: number, decimals: number): string {
  const text = String(value);
  return /e/i.test(text) ? value.toFixed(Math.max(decimals + 2, 2)) : text;
}

/** "1.234.567 kr." */
export function formatKroner(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '–';
  const text = typeof value === 'number' ? plain(value, 0) : value;
  return `${formatDanishNumber(text, 0)} kr.`;
}

/** 12.345.678 → "12,3 mio. kr." (axis labels). */
export function formatMillions(value: number): string {
  return `${formatDanishNumber(plain(value / 1e6, 1), 1)} mio. kr.`;
}

/** 0.1234 → "12,3 %" */
export function formatPercent(value: number | null | undefined, decimals = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return `${formatDanishNumber((value * 100).toFixed(decimals + 2), decimals)} %`;
}

export function formatNumber(value: number | null | undefined, decimals = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return formatDanishNumber(plain(value, decimals), decimals);
}

/** "23.11.2026 kl. 04.51" (Danish date and time, the browser's time zone). */
export function formatDateTime(iso: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' }).format(date);
}

/**
 * What a person types in a number field, as the API wants it: "1,5" → "1.5" and "6.900.000" →
 * "6900000" (dots that group thousands are dropped, a comma is the decimal mark).
 */
export function normaliseNumberText(text: string): string {
  const trimmed = text.trim().replace(/\s/g, '');
  const grouped = /^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(trimmed);
  return (grouped ? trimmed.replace(/\./g, '') : trimmed).replace(',', '.');
}

/** A number as a person types it in Danish: 0.4 → "0,4", 6900000 → "6900000". */
export function toInputText(value: number | string): string {
  return String(value).replace('.', ',');
}
