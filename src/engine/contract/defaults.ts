/**
 * Defaults and limits of the contract model, each with where it comes from.
 */

/** DSI's capital injection projection: investments are repaid over five years (DOMAIN.md §1). */
export const DEFAULT_REPAYMENT_YEARS = 5;
/** Same source: the first repayment falls one year after the investment. */
export const DEFAULT_REPAYMENT_START_AFTER_YEARS = 1;
/** The rule: a contract is projected over 1–20 years (SØM's taper ends in year 20). */
export const MIN_HORIZON_YEARS = 1;
export const MAX_HORIZON_YEARS = 20;
/** Calendar years a contract may name (the same range as the HTTP layer's IsYear). */
export const MIN_CONTRACT_YEAR = 1990;
export const MAX_CONTRACT_YEAR = 2100;
/** Money in contracts: kroner with at most 2 decimals, as the HTTP layer's IsMoney. */
export const MONEY_PATTERN = /^\d{1,15}(\.\d{1,2})?$/;
