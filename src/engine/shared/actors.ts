/** The three public levels that SØM splits every gain across (kommune, region, stat). */
export const PUBLIC_ACTORS = ['kommune', 'region', 'stat'] as const;
export type PublicActor = (typeof PUBLIC_ACTORS)[number];

/**
 * SØM's welfare areas (velfærdsområder). The ids are stable: they appear in JSON results,
 * the knowledge base and `--exclude`.
 */
export const WELFARE_AREAS = [
  'health', // sundhed
  'social_services', // sociale indsatser og ydelser
  'justice', // politi, retsvæsen og kriminalforsorg
  'income_transfers', // indkomstoverførsler
  'income_tax', // indkomstskat
  'education_employment', // uddannelse og beskæftigelsesindsatser
] as const;
export type WelfareArea = (typeof WELFARE_AREAS)[number];
