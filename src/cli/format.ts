/**
 * Output helpers for the `dsi` command: Danish number formatting done on decimal strings (exact,
 * no float round trip), plain-text tables and RFC 4180 CSV.
 */

/** "1234567.891" → "1.234.568" (decimals = 0) or "1.234.567,89" (decimals = 2); half away from zero. */
export function formatDanishNumber(value: string | number, decimals = 0): string {
  const text = typeof value === 'number' ? String(value) : value;
  if (!/^-?\d+(\.\d+)?$/.test(text)) return text;
  const negative = text.startsWith('-');
  const [whole, fraction = ''] = (negative ? text.slice(1) : text).split('.');
  // Round half away from zero on the digit string.
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

/** "1.234.567 kr." */
export function formatKroner(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '–';
  return `${formatDanishNumber(value, 0)} kr.`;
}

/** 0.1234 → "12,3 %" */
export function formatPercent(value: number | null | undefined, decimals = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return `${formatDanishNumber((value * 100).toFixed(decimals + 2), decimals)} %`;
}

export type Cell = string | number | null | undefined;

/** A plain-text table: the first `textColumns` columns left-aligned, the numbers right-aligned. */
export function renderTable(header: string[], rows: Cell[][], textColumns = 1): string {
  const text = [
    header,
    ...rows.map((r) => r.map((c) => (c === null || c === undefined ? '–' : String(c)))),
  ];
  const widths = header.map((_, i) => Math.max(...text.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => (i < textColumns ? c.padEnd(widths[i]) : c.padStart(widths[i])))
      .join('  ')
      .trimEnd();
  return [
    line(text[0]),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...text.slice(1).map(line),
  ].join('\n');
}

/** RFC 4180 CSV with a header row; numbers stay machine-readable (dot decimal, no grouping). */
export function renderCsv(header: string[], rows: Cell[][]): string {
  const quote = (c: Cell) => {
    const s = c === null || c === undefined ? '' : String(c);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [header, ...rows].map((r) => r.map(quote).join(',')).join('\n') + '\n';
}
