/**
 * Defaults of the fund model, each with where it comes from. The repayment defaults are the
 * contract model's (DSI's projection: repaid over five years, first payment one year after).
 */
export { DEFAULT_REPAYMENT_YEARS, DEFAULT_REPAYMENT_START_AFTER_YEARS } from '../contract/defaults';

/** DSI's capital injection projection runs 6 years, 2024–2029 (DOMAIN.md §1). */
export const DEFAULT_FUND_HORIZON_YEARS = 6;
/** Same projection: average investment per partnership (≈ one kommune) 4 mio. kr. */
export const DEFAULT_INVESTMENT_PER_PARTNERSHIP = '4000000';
/** One partnership ≈ one kommune (same projection). */
export const DEFAULT_KOMMUNER_PER_PARTNERSHIP = 1;
/**
 * Successes are counted the year after the partnership starts: the Danish IPS trial measured
 * employment within 18 months (DOMAIN.md §1). Our assumption; a product may state its own.
 */
export const DEFAULT_SUCCESS_YEAR_OFFSET = 1;
/** A fund horizon longer than SØM's 20-year taper adds nothing to gains and is likely a typo. */
export const MAX_FUND_HORIZON_YEARS = 20;
