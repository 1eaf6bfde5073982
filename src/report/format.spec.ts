import { formatAmount, formatCell, formatNumber, formatPercentage } from './format';

describe('report number formatting', () => {
  it('prints money with its øre and Danish separators by default, English ones on request', () => {
    expect(formatCell('-1234567.89', 'kroner', 'da')).toBe('-1.234.567,89');
    expect(formatCell('-1234567.89', 'kroner', 'en')).toBe('-1,234,567.89');
  });

  it('rounds a Monte Carlo float once, to whole kroner', () => {
    // 1234.5 is exact in binary; toFixed rounds the tie away from zero: 1235.
    expect(formatCell(1234.5, 'wholeKroner', 'da')).toBe('1.235');
    expect(formatNumber(24999999.4, 0, 'en')).toBe('24,999,999');
    // One rounding, not two: 4.449% → 4.4%; rounding first to 4.45 and then to 4.5 would be wrong.
    expect(formatPercentage(0.04449, 'en')).toBe('4.4%');
  });

  it('writes amounts in a sentence with the unit of the language', () => {
    expect(formatAmount('31400000.00', 'da')).toBe('31.400.000 kr.');
    expect(formatAmount('31400000.00', 'en')).toBe('DKK 31,400,000');
  });

  it('shows a fraction as a percentage with one decimal', () => {
    // 0.4412 × 100 = 44.12 → 44.1
    expect(formatPercentage(0.4412, 'da')).toBe('44,1 %');
    expect(formatPercentage(0.4412, 'en')).toBe('44.1%');
  });

  it('shows a missing value as a dash', () => {
    expect(formatCell(null, 'year', 'da')).toBe('–');
    expect(formatCell(NaN, 'rounded', 'da')).toBe('–');
  });

  it('prints a multiple with two decimals and a times sign', () => {
    expect(formatCell(1.1449, 'multiple', 'da')).toBe('1,14×');
  });
});
