import type { ProjectionJsonView } from './model-projection';

/** The words of a contract projection's report, Danish and English. */
export const PROJECTION_SUMMARY = {
  da: {
    intro: (p: ProjectionJsonView) =>
      `Fremskrivning ved forventede værdier over ${p.contract.horizonYears} år (${p.contract.startYear}–${p.contract.endYear}) i ${p.contract.priceYear}-priser.`,
    breakEven: (year: number | null, cal: number | null) =>
      year === null
        ? 'Kommunen når ikke break-even inden for perioden'
        : `Kommunen når break-even i år ${year} (${cal})`,
    net: (k: string, s: string, r: string) =>
      ` og står efter perioden med et nettoresultat på ${k} (staten ${s}, regionen ${r}).`,
    investor: (multiple: string, irr: string) =>
      ` Investoren får ${multiple} gange den trukne kapital tilbage (intern rente ${irr}).`,
    cost: (cost: string, perSuccess: string | null, successes: string) =>
      ` Indsatsen koster ${cost} og giver ${successes} ekstra succeser` +
      (perSuccess ? ` (${perSuccess} pr. ekstra succes).` : '.'),
  },
  en: {
    intro: (p: ProjectionJsonView) =>
      `Projection at expected values over ${p.contract.horizonYears} years (${p.contract.startYear}–${p.contract.endYear}) in ${p.contract.priceYear} prices.`,
    breakEven: (year: number | null, cal: number | null) =>
      year === null
        ? 'The kommune does not break even within the period'
        : `The kommune breaks even in year ${year} (${cal})`,
    net: (k: string, s: string, r: string) =>
      ` and ends the period with a net position of ${k} (the stat ${s}, the region ${r}).`,
    investor: (multiple: string, irr: string) =>
      ` The investor gets ${multiple} times the capital drawn back (internal rate of return ${irr}).`,
    cost: (cost: string, perSuccess: string | null, successes: string) =>
      ` The intervention costs ${cost} and gives ${successes} additional successes` +
      (perSuccess ? ` (${perSuccess} per additional success).` : '.'),
  },
};

export const PROJECTION_TABLE_WORDS = {
  da: {
    flows: 'Pengestrømme pr. år (kr.)',
    net: 'Nettoresultat pr. aktør og år, nominelt (kr.)',
    discounted: 'Nettoresultat pr. aktør og år, diskonteret til startåret (kr.)',
    cumulative: 'Kumuleret nettoresultat pr. aktør (kr.)',
    gains: 'Offentlige gevinster (SØM) pr. niveau og år (kr.)',
    areas: 'Offentlige gevinster (SØM) pr. velfærdsområde over perioden (kr.)',
    payments: 'Resultatbetalinger pr. betaler og år (kr.)',
    outcomes: 'Deltagere og succeser pr. år (forventet antal personer)',
    discountedNote: (rate: string) =>
      `Diskonteret med ${rate}; årene summerer præcist til nutidsværdien i hovedtabellen.`,
    flowColumns: {
      interventionCost: 'Indsatsens udgift',
      capitalDrawn: 'Kapital trukket',
      outcomePayments: 'Resultatbetalinger',
      investorReceipts: 'Til investor',
      guaranteeReceipts: 'Garantibetalinger',
      providerRevenue: 'Leverandørens indtægt',
      somGains: 'SØM-gevinster i alt',
    } as Record<string, string>,
    outcomeColumns: {
      started: 'Startet',
      completers: 'Gennemført',
      measured: 'Målt',
      grossSuccesses: 'Succeser (brutto)',
      additionalSuccesses: 'Ekstra succeser',
    } as Record<string, string>,
    financeMinistry: 'Finansministeriets diskonteringsrente (3,5 % år 0–35)',
  },
  en: {
    flows: 'Cash flows by year (DKK)',
    net: 'Net position by actor and year, nominal (DKK)',
    discounted: 'Net position by actor and year, discounted to the start year (DKK)',
    cumulative: 'Cumulative net position by actor (DKK)',
    gains: 'Public gains (SØM) by level and year (DKK)',
    areas: 'Public gains (SØM) by welfare area over the period (DKK)',
    payments: 'Outcome payments by payer and year (DKK)',
    outcomes: 'Participants and successes by year (expected number of people)',
    discountedNote: (rate: string) =>
      `Discounted at ${rate}; the years sum exactly to the net present value in the headline table.`,
    flowColumns: {
      interventionCost: 'Intervention cost',
      capitalDrawn: 'Capital drawn',
      outcomePayments: 'Outcome payments',
      investorReceipts: 'To investors',
      guaranteeReceipts: 'Guarantee payments',
      providerRevenue: 'Provider revenue',
      somGains: 'SØM gains total',
    } as Record<string, string>,
    outcomeColumns: {
      started: 'Started',
      completers: 'Completed',
      measured: 'Measured',
      grossSuccesses: 'Successes (gross)',
      additionalSuccesses: 'Additional successes',
    } as Record<string, string>,
    financeMinistry: "the Finance Ministry's discount rate (3.5% for years 0–35)",
  },
};

export const PROJECTION_CHART_WORDS = {
  da: {
    cumulative: 'Kumuleret nettoresultat pr. aktør',
    areas: 'Offentlige gevinster (SØM) pr. aktør og velfærdsområde over perioden',
    gainsByYear: 'Offentlige gevinster (SØM) pr. år og niveau',
  },
  en: {
    cumulative: 'Cumulative net position by actor',
    areas: 'Public gains (SØM) by actor and welfare area over the period',
    gainsByYear: 'Public gains (SØM) by year and level',
  },
};
