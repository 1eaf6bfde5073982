import type { WelfareArea } from '../engine/shared/actors';
import type { ReportLanguage } from './types';

/** The words of the yearly tables of SØM gains by welfare area, Danish and English. */
export const AREA_TABLE_WORDS: Record<
  ReportLanguage,
  {
    nominal: string;
    discounted: string;
    printedNominal: string;
    printedDiscounted: string;
    printedNote: string;
    /** Contract results: the report discounts each area and level itself. */
    ownNpvNote: (rate: string) => string;
    /** Fund results: the engine books each year's discounted areas to its discounted actors. */
    bookedNpvNote: string;
    /** Column headers of the printed extract, short enough for eight columns on A4. */
    shortAreas: Record<WelfareArea, string>;
  }
> = {
  da: {
    nominal: 'Offentlige gevinster (SØM) pr. velfærdsområde, niveau og år, nominelt (kr.)',
    discounted:
      'Offentlige gevinster (SØM) pr. velfærdsområde, niveau og år, diskonteret til startåret (kr.)',
    printedNominal: 'Offentlige gevinster (SØM) pr. velfærdsområde og år, nominelt (kr.)',
    printedDiscounted:
      'Offentlige gevinster (SØM) pr. velfærdsområde og år, diskonteret til startåret (kr.)',
    printedNote:
      'Kommune, region og stat tilsammen; regnearket viser hvert område pr. niveau. Områderne summerer præcist til årets SØM-gevinster.',
    ownNpvNote: (rate: string) =>
      `Diskonteret med ${rate}; hvert område og niveau er afrundet, så årene summerer præcist til dets nutidsværdi.`,
    bookedNpvNote:
      'Hvert år summerer områderne præcist til årets diskonterede gevinst pr. niveau, og årene til nutidsværdien i hovedtabellen.',
    shortAreas: {
      health: 'Sundhed',
      social_services: 'Sociale indsatser',
      justice: 'Politi og retsvæsen',
      income_transfers: 'Overførsler',
      income_tax: 'Skat',
      education_employment: 'Uddannelse og beskæftigelse',
    },
  },
  en: {
    nominal: 'Public gains (SØM) by welfare area, level and year, nominal (DKK)',
    discounted:
      'Public gains (SØM) by welfare area, level and year, discounted to the start year (DKK)',
    printedNominal: 'Public gains (SØM) by welfare area and year, nominal (DKK)',
    printedDiscounted:
      'Public gains (SØM) by welfare area and year, discounted to the start year (DKK)',
    printedNote:
      "Kommune, region and stat together; the workbook shows each area by level. The areas sum exactly to the year's SØM gains.",
    ownNpvNote: (rate: string) =>
      `Discounted at ${rate}; each area and level is rounded so that its years sum exactly to its net present value.`,
    bookedNpvNote:
      "Each year the areas sum exactly to the year's discounted gain by level, and the years to the net present value in the headline table.",
    shortAreas: {
      health: 'Health',
      social_services: 'Social services',
      justice: 'Police and courts',
      income_transfers: 'Transfers',
      income_tax: 'Income tax',
      education_employment: 'Education and employment',
    },
  },
};
