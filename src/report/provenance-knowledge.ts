import { PUBLIC_ACTORS } from '../engine/shared/actors';
import { findSuccessMeasure, type KnowledgeBase, type SourcedNumber } from '../engine/som';
import { entryOf } from './provenance-walk';
import type { AssumptionEntry, ReportLanguage } from './types';

/**
 * The knowledge-base numbers a SØM gain profile reads (see `gainProfile` in src/engine/som): for
 * each consequence of the success measure, the item's three unit prices and the effects (or group
 * rows) of the years valued; the price index of every item's price year and of the target price
 * year; the taper's end year. Plus the discount rate when the run uses the Finance Ministry's
 * default, which the knowledge base records with its source.
 */

export interface GainProfileUse {
  measureId: string;
  priceYear: number;
  /** Years after the success year that are valued (the contract horizon). */
  years: number;
}

export const PARAMETERS_FILE = 'knowledge/parameters.json';

export function targetGroupFile(targetGroupId: string): string {
  return `knowledge/target-groups/${targetGroupId}.json`;
}

const WORDS = {
  da: {
    price: (item: string, actor: string, unit: string, year: number) =>
      `${item}: enhedspris for ${actor} (kr. pr. ${unit}, ${year}-priser)`,
    effect: (item: string, t: number, unit: string) =>
      `${item}: effekt af succes i år ${t} (${unit} pr. person)`,
    row: (item: string, row: string, t: number) => `${item}: ${row}, år ${t}`,
    rows: { successGroup: 'succesgruppe', others: 'øvrige', adjustment: 'korrektion' },
    index: (year: number) => `Nettoprisindeks ${year} (2015 = 100)`,
    taper: 'År hvor SØM-effekten er nedtrappet til 0',
    discount: 'Diskonteringsrente år 0–35 (Finansministeriet)',
  },
  en: {
    price: (item: string, actor: string, unit: string, year: number) =>
      `${item}: unit price for ${actor} (DKK per ${unit}, ${year} prices)`,
    effect: (item: string, t: number, unit: string) =>
      `${item}: effect of success in year ${t} (${unit} per person)`,
    row: (item: string, row: string, t: number) => `${item}: ${row}, year ${t}`,
    rows: { successGroup: 'success group', others: 'others', adjustment: 'adjustment' },
    index: (year: number) => `Net price index ${year} (2015 = 100)`,
    taper: 'Year in which SØM tapers the effect to 0',
    discount: 'Discount rate years 0–35 (Finance Ministry)',
  },
} as const;

function sourced(
  file: string,
  pointer: string,
  label: string,
  number: SourcedNumber,
  unit?: string,
): AssumptionEntry {
  return entryOf(
    {
      origin: 'knowledge',
      file,
      pointer,
      label,
      value: String(number.value),
      ...(unit ? { unit } : {}),
    },
    number,
  );
}

function profileEntries(
  kb: KnowledgeBase,
  use: GainProfileUse,
  language: ReportLanguage,
): AssumptionEntry[] {
  const words = WORDS[language];
  const { targetGroup, measure } = findSuccessMeasure(kb, use.measureId);
  const file = targetGroupFile(targetGroup.id);
  const measureIndex = targetGroup.successMeasures.indexOf(measure);
  const entries: AssumptionEntry[] = [];
  const indexYears = new Set<number>([use.priceYear]);
  measure.consequences.forEach((consequence, c) => {
    const itemIndex = targetGroup.items.findIndex((i) => i.id === consequence.item);
    const item = targetGroup.items[itemIndex];
    if (!item) return;
    const name = item.name[language];
    indexYears.add(item.priceYear);
    for (const actor of PUBLIC_ACTORS) {
      entries.push(
        sourced(
          file,
          `/items/${itemIndex}/prices/${actor}/value`,
          words.price(name, actor, item.unit, item.priceYear),
          item.prices[actor],
          'kr.',
        ),
      );
    }
    const base = `/successMeasures/${measureIndex}/consequences/${c}`;
    // Effects after the valued years are never read; a shorter series is tapered from its last value.
    consequence.effects?.slice(0, use.years).forEach((effect, t) => {
      entries.push(
        sourced(file, `${base}/effects/${t}/value`, words.effect(name, t + 1, item.unit), effect),
      );
    });
    const rows = consequence.groupRows;
    if (rows) {
      (['successGroup', 'others', 'adjustment'] as const).forEach((row) => {
        rows[row].slice(0, use.years).forEach((value, t) => {
          if (value === null) return;
          entries.push(
            sourced(
              file,
              `${base}/groupRows/${row}/${t}`,
              words.row(name, words.rows[row], t + 1),
              { value, source: rows.source },
              item.unit,
            ),
          );
        });
      });
    }
  });
  kb.parameters.priceIndex.forEach((entry, i) => {
    if (indexYears.has(entry.year)) {
      entries.push(
        sourced(
          PARAMETERS_FILE,
          `/priceIndex/${i}/index/value`,
          words.index(entry.year),
          entry.index,
        ),
      );
    }
  });
  entries.push(
    sourced(PARAMETERS_FILE, '/taperEndYear/value', words.taper, kb.parameters.taperEndYear),
  );
  return entries;
}

/**
 * The knowledge-base numbers behind the given gain profiles, each once (by file and pointer), plus
 * the discount rate when `defaultDiscountRate` is true.
 */
export function knowledgeProvenance(
  kb: KnowledgeBase,
  uses: readonly GainProfileUse[],
  defaultDiscountRate: boolean,
  language: ReportLanguage,
): AssumptionEntry[] {
  const entries = uses.flatMap((use) => profileEntries(kb, use, language));
  if (defaultDiscountRate) {
    const near = kb.parameters.discountRate.findIndex((segment) => segment.fromYear === 0);
    if (near >= 0) {
      entries.push(
        sourced(
          PARAMETERS_FILE,
          `/discountRate/${near}/rate/value`,
          WORDS[language].discount,
          kb.parameters.discountRate[near].rate,
        ),
      );
    }
  }
  const seen = new Set<string>();
  return entries.filter((entry) => {
    const key = `${entry.file}#${entry.pointer}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
