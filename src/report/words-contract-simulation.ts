/** The words of a contract simulation's report, Danish and English. */
export const CONTRACT_SIMULATION_WORDS = {
  da: {
    columns: {
      expectedNet: 'Netto ved forventede værdier (kr.)',
      mean: 'Middel (kr.)',
      p5: '5 %-fraktil (kr.)',
      p50: 'Median (kr.)',
      p95: '95 %-fraktil (kr.)',
      negative: 'P(netto < 0)',
    },
    breakEvenRange: (low: number, high: number, lowCal: number, highCal: number) =>
      low === high
        ? `Med 90 % sandsynlighed når kommunen break-even i år ${low} (${lowCal})`
        : `Med 90 % sandsynlighed når kommunen break-even mellem år ${low} og år ${high} (${lowCal}–${highCal})`,
    breakEvenLikely: (p: string, mode: number, cal: number) =>
      `Sandsynligheden for, at kommunen når break-even inden for perioden, er ${p} (oftest i år ${mode}, ${cal})`,
    breakEvenNever: 'Kommunen når ikke break-even inden for perioden i nogen simulering',
    net: (years: number, low: string, high: string, expected: string, p: string) =>
      `. Kommunens nettoresultat efter ${years} år ligger med 90 % sandsynlighed mellem ${low} og ${high} (${expected} ved forventede værdier), og sandsynligheden for et underskud er ${p}.`,
    investor: (low: string, high: string, loss: string) =>
      ` Investoren får med 90 % sandsynlighed mellem ${low} og ${high} gange den trukne kapital tilbage; sandsynligheden for tab er ${loss}.`,
    trials: (n: string) => ` Resultaterne bygger på ${n} simuleringer.`,
    charts: {
      fan: (actor: string) => `Kumuleret nettoresultat: ${actor}`,
      histogram: 'Investorens pengemultipel (tilbagebetalt / trukket kapital)',
      tornado: (actor: string) =>
        `Følsomhed: nettoresultat for ${actor} ved forventede værdier, lav og høj værdi`,
      median: 'Median',
      expected: 'Forventet',
      band90: '90 %-bånd',
      band50: '50 %-bånd',
      trials: 'Simuleringer',
      low: 'Lav værdi',
      high: 'Høj værdi',
    },
    tables: {
      fan: 'Monte Carlo: kumuleret nettoresultat pr. aktør og år, fraktiler (kr.)',
      breakEven: 'Monte Carlo: fordeling af break-even-år (andel af simuleringer)',
      outputs: 'Monte Carlo: resultater ved periodens slutning',
      returns: 'Monte Carlo: investorens afkast',
      sensitivity: 'Følsomhed: nettoresultat ved forventede værdier, lav, basis og høj værdi (kr.)',
      never: 'Aldrig',
    },
    outputs: {
      outcomePayments: 'Resultatbetalinger i alt (kr.)',
      additionalSuccesses: 'Ekstra succeser (personer)',
      net: (actor: string) => `Netto ${actor} (kr.)`,
      gains: (actor: string) => `SØM-gevinst ${actor} (kr.)`,
      multiple: 'Pengemultipel',
      irr: 'Intern rente',
    },
    parameters: {
      grossSuccessRate: 'Succesrate (brutto)',
      deadweightRate: 'Dødvægt',
      dropoutRate: 'Frafald',
      pricePerOutcome: 'Pris pr. resultat (faktor)',
      somGains: 'SØM-gevinster (faktor)',
    } as Record<string, string>,
    sensitivityColumns: {
      parameter: 'Parameter',
      low: 'Lav værdi',
      high: 'Høj værdi',
      kommuneLow: 'Kommune, lav',
      kommuneBase: 'Kommune, basis',
      kommuneHigh: 'Kommune, høj',
      investorLow: 'Investor, lav',
      investorBase: 'Investor, basis',
      investorHigh: 'Investor, høj',
      switchKommune: 'Kommunens nulpunkt',
      switchInvestor: 'Investorens nulpunkt',
    },
  },
  en: {
    columns: {
      expectedNet: 'Net at expected values (DKK)',
      mean: 'Mean (DKK)',
      p5: '5th percentile (DKK)',
      p50: 'Median (DKK)',
      p95: '95th percentile (DKK)',
      negative: 'P(net < 0)',
    },
    breakEvenRange: (low: number, high: number, lowCal: number, highCal: number) =>
      low === high
        ? `With 90% probability the kommune breaks even in year ${low} (${lowCal})`
        : `With 90% probability the kommune breaks even between year ${low} and year ${high} (${lowCal}–${highCal})`,
    breakEvenLikely: (p: string, mode: number, cal: number) =>
      `The probability that the kommune breaks even within the period is ${p} (most often in year ${mode}, ${cal})`,
    breakEvenNever: 'The kommune breaks even within the period in no trial',
    net: (years: number, low: string, high: string, expected: string, p: string) =>
      `. With 90% probability the kommune's net position after ${years} years lies between ${low} and ${high} (${expected} at expected values), and the probability of a deficit is ${p}.`,
    investor: (low: string, high: string, loss: string) =>
      ` With 90% probability the investor gets between ${low} and ${high} times the capital drawn back; the probability of a loss is ${loss}.`,
    trials: (n: string) => ` The results rest on ${n} trials.`,
    charts: {
      fan: (actor: string) => `Cumulative net position: ${actor}`,
      histogram: "The investor's money multiple (repaid / capital drawn)",
      tornado: (actor: string) =>
        `Sensitivity: net position of ${actor} at expected values, low and high value`,
      median: 'Median',
      expected: 'Expected',
      band90: '90% band',
      band50: '50% band',
      trials: 'Trials',
      low: 'Low value',
      high: 'High value',
    },
    tables: {
      fan: 'Monte Carlo: cumulative net position by actor and year, percentiles (DKK)',
      breakEven: 'Monte Carlo: distribution of the break-even year (share of trials)',
      outputs: 'Monte Carlo: results at the end of the period',
      returns: "Monte Carlo: the investor's return",
      sensitivity: 'Sensitivity: net position at expected values, low, base and high value (DKK)',
      never: 'Never',
    },
    outputs: {
      outcomePayments: 'Outcome payments in total (DKK)',
      additionalSuccesses: 'Additional successes (people)',
      net: (actor: string) => `Net ${actor} (DKK)`,
      gains: (actor: string) => `SØM gain ${actor} (DKK)`,
      multiple: 'Money multiple',
      irr: 'Internal rate of return',
    },
    parameters: {
      grossSuccessRate: 'Success rate (gross)',
      deadweightRate: 'Deadweight',
      dropoutRate: 'Dropout',
      pricePerOutcome: 'Price per outcome (factor)',
      somGains: 'SØM gains (factor)',
    } as Record<string, string>,
    sensitivityColumns: {
      parameter: 'Parameter',
      low: 'Low value',
      high: 'High value',
      kommuneLow: 'Kommune, low',
      kommuneBase: 'Kommune, base',
      kommuneHigh: 'Kommune, high',
      investorLow: 'Investor, low',
      investorBase: 'Investor, base',
      investorHigh: 'Investor, high',
      switchKommune: 'Kommune switching value',
      switchInvestor: 'Investor switching value',
    },
  },
};
