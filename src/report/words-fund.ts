import type { ReportLanguage } from './types';

/** The words of a fund simulation's report, Danish and English. */
export const FUND_WORDS = {
  da: {
    gainsNpv: 'SØM-gevinst inden for perioden, nutidsværdi',
    fundValue: (year: number) => `Fondens værdi ultimo ${year}`,
    deployed: 'Kapital investeret i indsatser',
    summary: (v: Record<string, string>) =>
      `Et kapitalindskud på ${v.capital} investeres i partnerskaber i ${v.start}–${v.end}. ` +
      `Med 90 % sandsynlighed hjælper fonden mellem ${v.peopleLow} og ${v.peopleHigh} personer (forventet ${v.people}), ` +
      `og fondens værdi ultimo ${v.end} ligger mellem ${v.valueLow} og ${v.valueHigh} (forventet ${v.value}). ` +
      `Sandsynligheden for, at fondens værdi ultimo ${v.end} er under den indskudte kapital, er ${v.probability}. ` +
      `Inden for perioden giver indsatserne offentlige gevinster (SØM, nutidsværdi) på forventet ${v.kommune} for kommunerne, ${v.stat} for staten og ${v.region} for regionerne.`,
    tables: {
      fund: 'Fondens regnskab pr. år, forventede værdier (kr.)',
      people: 'Partnerskaber og personer pr. år, forventede værdier',
      gains: 'Offentlige gevinster (SØM) pr. niveau og år, nominelt (kr.)',
      gainsNpv: 'Offentlige gevinster (SØM) pr. niveau og år, diskonteret til startåret (kr.)',
      percentiles: 'Monte Carlo: fraktiler pr. år',
      percentilesAll: 'Monte Carlo: fraktiler pr. år for alle størrelser',
    },
    fundColumns: {
      capitalDeployed: 'Investeret',
      repaymentsReceived: 'Tilbagebetalt',
      principalRepaid: 'Heraf hovedstol',
      returns: 'Afkast',
      feesAndCosts: 'Gebyrer og omkostninger',
      losses: 'Tab',
      cash: 'Kontanter ultimo',
      outstandingPrincipal: 'Udestående hovedstol',
      fundValue: 'Fondens værdi',
    } as Record<string, string>,
    peopleColumns: {
      partnerships: 'Nye partnerskaber',
      partnerKommuner: 'Partnerkommuner',
      participantsStarted: 'Deltagere startet',
      peopleHelped: 'Personer hjulpet',
      peopleEmployed: 'Personer i beskæftigelse',
      additionalSuccesses: 'Ekstra succeser',
    } as Record<string, string>,
    charts: {
      fundValue: 'Fondens værdi (investorens position) pr. år: median, 50 %- og 90 %-bånd',
      cumulativeGains: 'Kumulerede offentlige gevinster (SØM) pr. aktør, forventet',
      histogram: 'Fordeling af fondens værdi ultimo / indskudt kapital (pengemultipel)',
      gainsByYear: 'Offentlige gevinster (SØM) pr. år og niveau, forventet',
      peopleHelped: 'Personer hjulpet pr. år: forventet, median og 90 %-bånd',
      capitalDeployed: 'Kapital investeret pr. år: forventet, median og 90 %-bånd',
      expected: 'Forventet',
      median: 'Median',
      band90: '90 %-bånd',
      band50: '50 %-bånd',
      trials: 'Forsøg',
    },
  },
  en: {
    gainsNpv: 'SØM gain within the period, net present value',
    fundValue: (year: number) => `Fund value at the end of ${year}`,
    deployed: 'Capital deployed in interventions',
    summary: (v: Record<string, string>) =>
      `A capital injection of ${v.capital} is invested in partnerships in ${v.start}–${v.end}. ` +
      `With 90% probability the fund helps between ${v.peopleLow} and ${v.peopleHigh} people (expected ${v.people}), ` +
      `and the fund's value at the end of ${v.end} lies between ${v.valueLow} and ${v.valueHigh} (expected ${v.value}). ` +
      `The probability that the fund's value at the end of ${v.end} is below the capital injected is ${v.probability}. ` +
      `Within the period the interventions give public gains (SØM, net present value) of ${v.kommune} expected for the kommuner, ${v.stat} for the stat and ${v.region} for the regions.`,
    tables: {
      fund: 'Fund accounts by year, expected values (DKK)',
      people: 'Partnerships and people by year, expected values',
      gains: 'Public gains (SØM) by level and year, nominal (DKK)',
      gainsNpv: 'Public gains (SØM) by level and year, discounted to the start year (DKK)',
      percentiles: 'Monte Carlo: percentiles by year',
      percentilesAll: 'Monte Carlo: percentiles by year for every output',
    },
    fundColumns: {
      capitalDeployed: 'Deployed',
      repaymentsReceived: 'Repaid',
      principalRepaid: 'Of which principal',
      returns: 'Returns',
      feesAndCosts: 'Fees and costs',
      losses: 'Losses',
      cash: 'Cash at year end',
      outstandingPrincipal: 'Outstanding principal',
      fundValue: 'Fund value',
    },
    peopleColumns: {
      partnerships: 'New partnerships',
      partnerKommuner: 'Partner kommuner',
      participantsStarted: 'Participants started',
      peopleHelped: 'People helped',
      peopleEmployed: 'People employed',
      additionalSuccesses: 'Additional successes',
    },
    charts: {
      fundValue: "The fund's value (the investor's position) by year: median, 50% and 90% bands",
      cumulativeGains: 'Cumulative public gains (SØM) by actor, expected',
      histogram: "Distribution of the fund's final value / capital injected (money multiple)",
      gainsByYear: 'Public gains (SØM) by year and level, expected',
      peopleHelped: 'People helped by year: expected, median and 90% band',
      capitalDeployed: 'Capital deployed by year: expected, median and 90% band',
      expected: 'Expected',
      median: 'Median',
      band90: '90% band',
      band50: '50% band',
      trials: 'Trials',
    },
  },
};

/** Labels of the fund's Monte Carlo outputs in the percentile tables. */
export const PERCENTILE_LABELS: Record<ReportLanguage, Record<string, string>> = {
  da: {
    capitalDeployed: 'Kapital investeret (kr.)',
    repaymentsReceived: 'Tilbagebetalinger (kr.)',
    cash: 'Kontanter ultimo (kr.)',
    fundValue: 'Fondens værdi (kr.)',
    partnerships: 'Nye partnerskaber',
    partnerKommuner: 'Partnerkommuner',
    participantsStarted: 'Deltagere startet',
    peopleHelped: 'Personer hjulpet',
    peopleEmployed: 'Personer i beskæftigelse',
    additionalSuccesses: 'Ekstra succeser',
    gainsKommune: 'SØM-gevinst kommune (kr.)',
    gainsRegion: 'SØM-gevinst region (kr.)',
    gainsStat: 'SØM-gevinst stat (kr.)',
  },
  en: {
    capitalDeployed: 'Capital deployed (DKK)',
    repaymentsReceived: 'Repayments received (DKK)',
    cash: 'Cash at year end (DKK)',
    fundValue: 'Fund value (DKK)',
    partnerships: 'New partnerships',
    partnerKommuner: 'Partner kommuner',
    participantsStarted: 'Participants started',
    peopleHelped: 'People helped',
    peopleEmployed: 'People employed',
    additionalSuccesses: 'Additional successes',
    gainsKommune: 'SØM gain kommune (DKK)',
    gainsRegion: 'SØM gain region (DKK)',
    gainsStat: 'SØM gain stat (DKK)',
  },
};
