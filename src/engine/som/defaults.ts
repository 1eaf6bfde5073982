/**
 * Defaults of a valuation request when the caller gives none.
 * 6 years: the horizon of DSI's published business cases (the Holbæk IPS case).
 * 2024: the start year of the DSI contracts the product models; prices are moved there by the
 * knowledge base's price index.
 */
export const DEFAULT_VALUATION_HORIZON = 6;
export const DEFAULT_PRICE_YEAR = 2024;
/** SØM's consequence series end with the taper in year 20, so a longer horizon adds nothing. */
export const MAX_VALUATION_HORIZON = 20;
