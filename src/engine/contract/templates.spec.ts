import Decimal from 'decimal.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DataFileError, readJsonFile } from '../../data/json-file';
import { listContractTemplates, loadContractTemplate } from '../../data/contracts';
import { loadKnowledgeBase } from '../../data/knowledge';
import { decimalArith, floatArith } from '../shared/arith';
import { gainProfile } from '../som';
import { contractCashflows, type CashflowsByYear } from './cashflows';
import { compileContract } from './compile';
import { expectedOutcomes, mapOutcomes } from './outcomes';
import { projectContract } from './projection';
import type { Contract } from './types';
import { validateContract } from './validate';

const templates = listContractTemplates();
const ipsFile = () => templates.find((t) => t.id === 'ips-holbaek')?.file as string;
const kb = loadKnowledgeBase();
const gainsFor = (contract: Contract) =>
  gainProfile(kb, contract.intervention.successMeasureId, {
    priceYear: contract.priceYear,
    years: contract.horizonYears,
  });

/** JSON pointers of every number and every money string in a document (outside `sources`). */
function numericPointers(
  value: unknown,
  pointer = '',
): { pointer: string; parent: string; inArray: boolean }[] {
  if (typeof value === 'number' || (typeof value === 'string' && /^\d+(\.\d+)?$/.test(value))) {
    return [{ pointer, parent: pointer.slice(0, pointer.lastIndexOf('/')), inArray: false }];
  }
  if (Array.isArray(value)) {
    return value.flatMap((item, i) =>
      numericPointers(item, `${pointer}/${i}`).map((found) =>
        found.pointer === `${pointer}/${i}` ? { ...found, inArray: true } : found,
      ),
    );
  }
  if (value !== null && typeof value === 'object') {
    return Object.entries(value)
      .filter(([key]) => !(pointer === '' && key === 'sources'))
      .flatMap(([key, item]) => numericPointers(item, `${pointer}/${key}`));
  }
  return [];
}

describe('contract templates', () => {
  it('include the IPS case, its rate-card variant, a homelessness and a drug-treatment contract', () => {
    expect(templates.map((t) => t.id)).toEqual([
      'drug-treatment-completion',
      'housing-first-homeless',
      'ips-holbaek-rate-card',
      'ips-holbaek',
    ]);
  });

  it.each(templates.map((t) => [t.id]))('%s passes the schema and every contract rule', (id) => {
    expect(validateContract(loadContractTemplate(id))).toEqual([]);
  });

  it.each(templates.map((t) => [t.id, t.file]))(
    '%s gives every number its source or assumption',
    (_id, file) => {
      const document = readJsonFile(file) as { sources?: Record<string, unknown> };
      const sources = document.sources ?? {};
      // a number is covered by an entry for itself or, as an element of an array, for the array
      const missing = numericPointers(document)
        .filter(
          ({ pointer, parent, inArray }) =>
            !(pointer in sources) && !(inArray && parent in sources),
        )
        .map(({ pointer }) => pointer);
      expect(missing).toEqual([]);
      // and no entry points at nothing (a renamed or removed number)
      const pointers = new Set(
        numericPointers(document).flatMap(({ pointer, parent }) => [pointer, parent]),
      );
      expect(Object.keys(sources).filter((key) => !pointers.has(key))).toEqual([]);
    },
  );

  it('ips-holbaek holds the numbers DSI published for the Holbæk case', () => {
    const ips = loadContractTemplate('ips-holbaek');
    expect(ips.intervention).toMatchObject({
      targetGroupId: 'sick-listed-mental-illness',
      successMeasureId: 'sick-listed-employment',
      participants: 180,
      cost: { total: '6900000' },
      grossSuccessRate: 0.4,
      deadweightRate: 0.24,
      dropoutRate: 0.1,
    });
    expect([ips.costBearer, ips.horizonYears, ips.startYear]).toEqual(['authority', 6, 2024]);
    // 180 × 90% completers × (40% − 24%) = 25.92 additional jobs
    expect(projectContract(ips, gainsFor(ips)).outcomes.additionalSuccesses.toString()).toBe(
      '25.92',
    );
  });

  it('ips-holbaek-rate-card repays DSI its principal plus 5% on the five-year schedule', () => {
    const rateCard = loadContractTemplate('ips-holbaek-rate-card');
    const p = projectContract(rateCard, gainsFor(rateCard));
    // draws 3,450,000 in years 1 and 2; each repaid in fifths from the year after, plus 5% interest:
    // y2: 3,450,000 × 1.05 + 3,450,000 − (0.8 + 1.0) × 3,450,000 = 862,500
    // y3: 6,210,000 × 1.05 − (0.6 + 0.8) × 3,450,000 = 1,690,500
    // y4: 4,830,000 × 1.05 − (0.4 + 0.6) × 3,450,000 = 1,621,500
    // y5: 3,450,000 × 1.05 − (0.2 + 0.4) × 3,450,000 = 1,552,500
    // y6 (settlement): 2,070,000 × 1.05 = 2,173,500
    expect(p.byYear.map((y) => y.investorReceipts.toFixed(2))).toEqual([
      '0.00',
      '862500.00',
      '1690500.00',
      '1621500.00',
      '1552500.00',
      '2173500.00',
    ]);
    expect(p.investor?.irr).toBeCloseTo(0.05, 9);
    // earned: 2 × 81 completers × 16% = 25.92 × 310,000 = 8,035,200; paid 7,900,500
    expect(p.earnedByComponent['additional-employment'].toFixed(2)).toBe('8035200.00');
    expect(p.unpaidEarned.toFixed(2)).toBe('134700.00');
  });

  it('a template that breaks the schema is refused with its file and JSON path', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dsi-contracts-'));
    const file = path.join(dir, 'broken.json');
    const broken = readJsonFile(ipsFile()) as { intervention: { dropoutRate: unknown } };
    broken.intervention.dropoutRate = 'ten percent';
    writeFileSync(file, JSON.stringify(broken));
    expect(() => loadContractTemplate(file)).toThrow(DataFileError);
    expect(() => loadContractTemplate(file)).toThrow(
      /broken\.json at \/intervention\/dropoutRate: must be number/,
    );
  });

  it('a template that breaks a contract rule is refused with its file and JSON path', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dsi-contracts-'));
    const file = path.join(dir, 'shares.json');
    const broken = readJsonFile(ipsFile()) as { intervention: { intake: number[] } };
    broken.intervention.intake = [0.5, 0.4];
    writeFileSync(file, JSON.stringify(broken));
    expect(() => loadContractTemplate(file)).toThrow(
      /shares\.json at \/intervention\/intake: shares must sum to 100%, got 90%/,
    );
  });

  it('an unknown template id names the templates there are', () => {
    expect(() => loadContractTemplate('no-such-template')).toThrow(
      /known: drug-treatment-completion, housing-first-homeless/,
    );
  });
});

describe('one formula for the projection and the Monte Carlo', () => {
  /** Every yearly series of the cash flows, flattened with its name. */
  function series(
    flows: CashflowsByYear<Decimal> | CashflowsByYear<number>,
  ): Map<string, number[]> {
    const out = new Map<string, number[]>();
    const add = (name: string, values: (Decimal | number)[]) =>
      out.set(
        name,
        values.map((v) => (typeof v === 'number' ? v : v.toNumber())),
      );
    for (const [key, value] of Object.entries(flows)) {
      if (Array.isArray(value)) add(key, value as (Decimal | number)[]);
      else if (value !== null && typeof value === 'object' && !Decimal.isDecimal(value)) {
        for (const [sub, values] of Object.entries(value as Record<string, (Decimal | number)[]>))
          add(`${key}.${sub}`, values);
      }
    }
    return out;
  }

  it.each(templates.map((t) => [t.id]))(
    '%s: decimal and float cash flows agree within 1e-6 kr.',
    (id) => {
      const contract = loadContractTemplate(id);
      const gains = gainsFor(contract);
      const outcomes = expectedOutcomes(contract);
      const exact = contractCashflows(
        compileContract(contract, gains, decimalArith),
        outcomes,
        decimalArith,
      );
      const fast = contractCashflows(
        compileContract(contract, gains, floatArith),
        mapOutcomes(outcomes, (v) => v.toNumber()),
        floatArith,
      );
      const exactSeries = series(exact);
      const fastSeries = series(fast);
      expect([...fastSeries.keys()]).toEqual([...exactSeries.keys()]);
      for (const [name, values] of exactSeries) {
        values.forEach((value, y) => {
          const difference = Math.abs((fastSeries.get(name) as number[])[y] - value);
          if (difference > 1e-6)
            throw new Error(
              `${id} ${name}[year ${y + 1}]: decimal ${value}, float ${(fastSeries.get(name) as number[])[y]}`,
            );
        });
      }
      expect(Math.abs(fast.unpaidEarned - exact.unpaidEarned.toNumber())).toBeLessThan(1e-6);
    },
  );
});
