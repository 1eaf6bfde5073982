import Decimal from 'decimal.js';
import { PUBLIC_ACTORS, type PublicActor } from '../shared/actors';
import { Money } from '../shared/decimal';
import {
  MAX_CONTRACT_YEAR,
  MAX_HORIZON_YEARS,
  MIN_CONTRACT_YEAR,
  MIN_HORIZON_YEARS,
  MONEY_PATTERN,
} from './defaults';
import {
  COUNT_METRICS,
  type CapitalStack,
  type Contract,
  type PaymentModel,
  type Rate,
} from './types';

export interface ContractViolation {
  /** Field path in the contract, e.g. "intervention.dropoutRate" or "paymentModel.components[1].price". */
  path: string;
  message: string;
}

/** Collects violations; every check names the path, what was expected and the value found. */
class Checker {
  readonly violations: ContractViolation[] = [];

  fail(path: string, message: string): void {
    this.violations.push({ path, message });
  }

  rate(path: string, value: unknown, optional = false): void {
    if (value === undefined && optional) return;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1) {
      this.fail(path, `must be a rate in [0, 1], got ${JSON.stringify(value)}`);
    }
  }

  money(path: string, value: unknown, optional = false): void {
    if (value === undefined && optional) return;
    if (typeof value !== 'string' || !MONEY_PATTERN.test(value)) {
      this.fail(
        path,
        `must be a non-negative amount in kroner as a string with at most 2 decimals, got ${JSON.stringify(value)}`,
      );
    }
  }

  integer(path: string, value: unknown, min: number, max: number, optional = false): void {
    if (value === undefined && optional) return;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      this.fail(path, `must be a whole number in [${min}, ${max}], got ${JSON.stringify(value)}`);
    }
  }

  nonNegative(path: string, value: unknown, optional = false): void {
    if (value === undefined && optional) return;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      this.fail(path, `must be a number >= 0, got ${JSON.stringify(value)}`);
    }
  }

  text(path: string, value: unknown): void {
    if (typeof value !== 'string' || value.trim() === '') {
      this.fail(path, `must be a non-empty string, got ${JSON.stringify(value)}`);
    }
  }

  /** Shares that must sum to exactly 1 (summed as decimals, so 0.1 + 0.2 + 0.7 is exactly 1). */
  sharesSumToOne(path: string, shares: readonly Rate[]): void {
    shares.forEach((share, index) => this.rate(`${path}[${index}]`, share));
    if (shares.some((share) => typeof share !== 'number' || !Number.isFinite(share))) return;
    const sum = Money.sum(new Money(0), ...shares.map((share) => new Money(share)));
    if (!sum.eq(1)) this.fail(path, `shares must sum to 100%, got ${sum.times(100).toString()}%`);
  }

  levelShares(path: string, shares: Partial<Record<PublicActor, Rate>>, levels: Set<string>): void {
    const entries = Object.entries(shares);
    entries.forEach(([level, share]) => {
      if (!(PUBLIC_ACTORS as readonly string[]).includes(level)) {
        this.fail(`${path}.${level}`, `must be one of ${PUBLIC_ACTORS.join(', ')}`);
      } else if (share !== 0 && !levels.has(level)) {
        this.fail(`${path}.${level}`, `no party of level '${level}' is named in parties`);
      }
      this.rate(`${path}.${level}`, share);
    });
    const values = entries
      .map(([, share]) => share)
      .filter((s): s is number => typeof s === 'number');
    if (values.length !== entries.length || values.some((v) => !Number.isFinite(v))) return;
    const sum = Money.sum(new Money(0), ...values.map((v) => new Money(v)));
    if (!sum.eq(1)) this.fail(path, `shares must sum to 100%, got ${sum.times(100).toString()}%`);
  }
}

function moneyValue(value: string | undefined): Decimal | null {
  return typeof value === 'string' && MONEY_PATTERN.test(value) ? new Money(value) : null;
}

function checkParties(check: Checker, contract: Contract): void {
  const parties = Array.isArray(contract.parties) ? contract.parties : [];
  if (!Array.isArray(contract.parties)) check.fail('parties', 'must be a list of parties');
  const seen = new Set<string>();
  parties.forEach((party, i) => {
    const path = `parties[${i}]`;
    check.text(`${path}.id`, party.id);
    if (seen.has(party.id)) check.fail(`${path}.id`, `duplicate party id '${party.id}'`);
    seen.add(party.id);
    check.text(`${path}.name`, party.name);
    const needsLevel = party.role === 'authority' || party.role === 'outcomeFunder';
    if (needsLevel && !(PUBLIC_ACTORS as readonly string[]).includes(party.level ?? '')) {
      check.fail(
        `${path}.level`,
        `an ${party.role} needs a level: one of ${PUBLIC_ACTORS.join(', ')}`,
      );
    }
    check.rate(`${path}.share`, party.share, true);
  });
  if (!parties.some((p) => p.role === 'authority')) {
    check.fail('parties', 'at least one party must have the role authority');
  }
  const investors = parties.filter((p) => p.role === 'investor');
  if (investors.some((p) => p.share !== undefined)) {
    const shares = investors.map((p) => p.share ?? 0);
    const sum = Money.sum(
      new Money(0),
      ...shares.map((s) => new Money(Number.isFinite(s) ? s : 0)),
    );
    if (!sum.eq(1)) {
      check.fail('parties', `investor shares must sum to 100%, got ${sum.times(100).toString()}%`);
    }
  }
  if (contract.capital && investors.length === 0) {
    check.fail(
      'parties',
      'a contract with capital needs at least one party with the role investor',
    );
  }
}

function checkIntervention(check: Checker, contract: Contract): void {
  const iv = contract.intervention;
  const p = 'intervention';
  const horizon = contract.horizonYears;
  check.text(`${p}.targetGroupId`, iv.targetGroupId);
  check.text(`${p}.successMeasureId`, iv.successMeasureId);
  if (
    typeof iv.participants !== 'number' ||
    !(iv.participants > 0) ||
    !Number.isFinite(iv.participants)
  ) {
    check.fail(`${p}.participants`, `must be a number > 0, got ${JSON.stringify(iv.participants)}`);
  }
  check.integer(`${p}.interventionYears`, iv.interventionYears, 1, horizon);
  if (!Array.isArray(iv.intake) || iv.intake.length === 0) {
    check.fail(`${p}.intake`, 'must list the share of participants starting in each year');
  } else {
    check.sharesSumToOne(`${p}.intake`, iv.intake);
    if (iv.intake.length > iv.interventionYears) {
      check.fail(
        `${p}.intake`,
        `intake runs ${iv.intake.length} years, beyond interventionYears ${iv.interventionYears}`,
      );
    }
  }
  const cost = iv.cost ?? {};
  if ((cost.perParticipant === undefined) === (cost.total === undefined)) {
    check.fail(`${p}.cost`, 'give exactly one of perParticipant and total');
  }
  check.money(`${p}.cost.perParticipant`, cost.perParticipant, true);
  check.money(`${p}.cost.total`, cost.total, true);
  if (cost.spending !== undefined) {
    check.sharesSumToOne(`${p}.cost.spending`, cost.spending);
    if (cost.spending.length > horizon) {
      check.fail(
        `${p}.cost.spending`,
        `spending runs ${cost.spending.length} years, beyond the horizon ${horizon}`,
      );
    }
  }
  check.rate(`${p}.grossSuccessRate`, iv.grossSuccessRate);
  check.rate(`${p}.deadweightRate`, iv.deadweightRate);
  check.rate(`${p}.dropoutRate`, iv.dropoutRate);
  check.rate(`${p}.relapseRate`, iv.relapseRate, true);
  if (iv.dropoutRate + iv.grossSuccessRate > 1) {
    check.fail(
      `${p}.dropoutRate`,
      `dropoutRate + grossSuccessRate must be <= 1, got ${iv.dropoutRate} + ${iv.grossSuccessRate}`,
    );
  }
  if (iv.deadweightRate > iv.grossSuccessRate) {
    check.fail(
      `${p}.deadweightRate`,
      `must not exceed grossSuccessRate ${iv.grossSuccessRate}, got ${iv.deadweightRate}`,
    );
  }
  if (typeof iv.outcomeLagYears === 'number') {
    check.integer(`${p}.outcomeLagYears`, iv.outcomeLagYears, 0, horizon);
  } else if (Array.isArray(iv.outcomeLagYears) && iv.outcomeLagYears.length > 0) {
    check.sharesSumToOne(`${p}.outcomeLagYears`, iv.outcomeLagYears);
  } else {
    check.fail(
      `${p}.outcomeLagYears`,
      'must be a whole number of years or a distribution over years',
    );
  }
  const metricIds = new Set<string>();
  (iv.outcomeMetrics ?? []).forEach((metric, i) => {
    const path = `${p}.outcomeMetrics[${i}]`;
    check.text(`${path}.id`, metric.id);
    if (metricIds.has(metric.id) || (COUNT_METRICS as readonly string[]).includes(metric.id)) {
      check.fail(`${path}.id`, `metric id '${metric.id}' is already taken`);
    }
    metricIds.add(metric.id);
    if (!COUNT_METRICS.includes(metric.basis)) {
      check.fail(
        `${path}.basis`,
        `must be one of ${COUNT_METRICS.join(', ')}, got ${JSON.stringify(metric.basis)}`,
      );
    }
    (metric.unitsPerCount ?? []).forEach((units, k) =>
      check.nonNegative(`${path}.unitsPerCount[${k}]`, units),
    );
  });
}

function checkPaymentModel(check: Checker, contract: Contract, model: PaymentModel): void {
  const p = 'paymentModel';
  const horizon = contract.horizonYears;
  const metrics = new Set<string>([
    ...COUNT_METRICS,
    ...(contract.intervention?.outcomeMetrics ?? []).map((m) => m.id),
  ]);
  const ids = new Set<string>();
  (model.components ?? []).forEach((component, i) => {
    const path = `${p}.components[${i}]`;
    check.text(`${path}.id`, component.id);
    if (ids.has(component.id)) check.fail(`${path}.id`, `duplicate component id '${component.id}'`);
    ids.add(component.id);
    check.integer(`${path}.paymentDelayYears`, component.paymentDelayYears, 0, horizon);
    check.money(`${path}.cap`, component.cap, true);
    switch (component.kind) {
      case 'rateCard':
        check.money(`${path}.price`, component.price);
        if (!metrics.has(component.metric)) {
          check.fail(`${path}.metric`, `unknown outcome metric '${component.metric}'`);
        }
        break;
      case 'baselineAdjusted':
        check.money(`${path}.price`, component.price);
        check.rate(`${path}.comparisonRate`, component.comparisonRate, true);
        break;
      case 'threshold': {
        check.integer(`${path}.measurementYear`, component.measurementYear, 1, horizon);
        check.rate(`${path}.comparisonRate`, component.comparisonRate, true);
        const comparison = component.comparisonRate ?? contract.intervention?.deadweightRate;
        if (component.improvement === 'relative' && !(comparison > 0)) {
          check.fail(
            `${path}.comparisonRate`,
            'a relative improvement needs a comparison rate > 0',
          );
        }
        const points = component.schedule ?? [];
        if (points.length === 0) check.fail(`${path}.schedule`, 'needs at least one point');
        points.forEach((point, k) => {
          check.money(`${path}.schedule[${k}].payment`, point.payment);
          if (typeof point.improvement !== 'number' || !Number.isFinite(point.improvement)) {
            check.fail(
              `${path}.schedule[${k}].improvement`,
              `must be a number, got ${JSON.stringify(point.improvement)}`,
            );
          } else if (k > 0 && !(point.improvement > points[k - 1].improvement)) {
            check.fail(
              `${path}.schedule[${k}].improvement`,
              'points must be in increasing order of improvement',
            );
          }
        });
        break;
      }
      case 'shareOfSavings':
        check.rate(`${path}.shareUntilRepaid`, component.shareUntilRepaid);
        check.rate(`${path}.shareAfterRepaid`, component.shareAfterRepaid);
        if (!Array.isArray(component.payers) || component.payers.length === 0) {
          check.fail(`${path}.payers`, 'name at least one paying level');
        } else {
          component.payers.forEach((level, k) => {
            if (!(PUBLIC_ACTORS as readonly string[]).includes(level)) {
              check.fail(`${path}.payers[${k}]`, `must be one of ${PUBLIC_ACTORS.join(', ')}`);
            }
          });
        }
        break;
      default:
        check.fail(
          `${path}.kind`,
          `unknown payment component kind ${JSON.stringify((component as { kind: unknown }).kind)}`,
        );
    }
  });
  check.money(`${p}.caps.perParticipant`, model.caps?.perParticipant, true);
  check.money(`${p}.caps.perYear`, model.caps?.perYear, true);
  check.money(`${p}.caps.total`, model.caps?.total, true);
  check.money(`${p}.floors.total`, model.floors?.total, true);
  const floor = moneyValue(model.floors?.total);
  const cap = moneyValue(model.caps?.total);
  if (floor && cap && floor.gt(cap))
    check.fail(
      `${p}.floors.total`,
      `the floor ${floor.toString()} exceeds the total cap ${cap.toString()}`,
    );
}

function checkCapital(check: Checker, contract: Contract, capital: CapitalStack): void {
  const p = 'capital';
  check.money(`${p}.commitment`, capital.commitment);
  if (capital.drawdown !== undefined) {
    capital.drawdown.forEach((share, i) => check.rate(`${p}.drawdown[${i}]`, share));
    const sum = Money.sum(
      new Money(0),
      ...capital.drawdown.map((s) => new Money(Number.isFinite(s) ? s : 0)),
    );
    if (sum.gt(1))
      check.fail(`${p}.drawdown`, `draws more than the commitment: ${sum.times(100).toString()}%`);
    if (capital.drawdown.length > contract.horizonYears)
      check.fail(`${p}.drawdown`, 'runs beyond the horizon');
  }
  if (!Array.isArray(capital.tranches) || capital.tranches.length === 0) {
    check.fail(`${p}.tranches`, 'needs at least one tranche');
  } else {
    capital.tranches.forEach((tranche, i) => {
      check.text(`${p}.tranches[${i}].id`, tranche.id);
      check.rate(`${p}.tranches[${i}].interestRate`, tranche.interestRate);
      if (tranche.seniority !== 'senior' && tranche.seniority !== 'subordinate') {
        check.fail(
          `${p}.tranches[${i}].seniority`,
          `must be senior or subordinate, got ${JSON.stringify(tranche.seniority)}`,
        );
      }
    });
    check.sharesSumToOne(
      `${p}.tranches`,
      capital.tranches.map((t) => t.share),
    );
  }
  check.integer(
    `${p}.repayment.startAfterYears`,
    capital.repayment?.startAfterYears,
    0,
    contract.horizonYears,
    true,
  );
  check.integer(
    `${p}.repayment.overYears`,
    capital.repayment?.overYears,
    1,
    MAX_HORIZON_YEARS,
    true,
  );
  if (capital.returnCap?.multiple !== undefined)
    check.nonNegative(`${p}.returnCap.multiple`, capital.returnCap.multiple);
  check.rate(`${p}.returnCap.annualRate`, capital.returnCap?.annualRate, true);
  const parties = new Map((contract.parties ?? []).map((party) => [party.id, party]));
  const guaranteePayer = (path: string, id: string) => {
    const party = parties.get(id);
    if (!party) check.fail(path, `no party with id '${id}'`);
    else if (party.role !== 'guarantor' && !party.level) {
      check.fail(path, `party '${id}' must be a guarantor or a public party with a level`);
    }
  };
  if (capital.firstLoss) {
    guaranteePayer(`${p}.firstLoss.guarantorPartyId`, capital.firstLoss.guarantorPartyId);
    check.money(`${p}.firstLoss.maxAmount`, capital.firstLoss.maxAmount, true);
    check.rate(`${p}.firstLoss.share`, capital.firstLoss.share, true);
  }
  if (capital.principalProtection) {
    guaranteePayer(`${p}.principalProtection.byPartyId`, capital.principalProtection.byPartyId);
    check.rate(`${p}.principalProtection.share`, capital.principalProtection.share);
  }
}

function checkObserved(check: Checker, contract: Contract): void {
  const observed = contract.observed;
  if (!observed) return;
  const p = 'observed';
  const horizon = contract.horizonYears;
  check.integer(`${p}.stoppedAfterYear`, observed.stoppedAfterYear, 1, horizon, true);
  check.money(`${p}.capitalDrawn`, observed.capitalDrawn, true);
  if (observed.capitalDrawn !== undefined && !contract.capital) {
    check.fail(`${p}.capitalDrawn`, 'the contract has no capital to draw');
  }
  const drawn = moneyValue(observed.capitalDrawn);
  const commitment = moneyValue(contract.capital?.commitment);
  if (drawn && commitment && drawn.gt(commitment)) {
    check.fail(
      `${p}.capitalDrawn`,
      `${drawn.toString()} exceeds the commitment ${commitment.toString()}`,
    );
  }
  const thresholds = new Set(
    (contract.paymentModel?.components ?? [])
      .filter((c) => c.kind === 'threshold')
      .map((c) => c.id),
  );
  Object.entries(observed.thresholdImprovement ?? {}).forEach(([id, value]) => {
    if (!thresholds.has(id))
      check.fail(`${p}.thresholdImprovement.${id}`, `no threshold component '${id}'`);
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      check.fail(
        `${p}.thresholdImprovement.${id}`,
        `must be a number, got ${JSON.stringify(value)}`,
      );
    }
  });
  const metricIds = new Set((contract.intervention?.outcomeMetrics ?? []).map((m) => m.id));
  const years = new Set<number>();
  (observed.byYear ?? []).forEach((entry, i) => {
    const path = `${p}.byYear[${i}]`;
    check.integer(`${path}.year`, entry.year, 1, horizon);
    if (years.has(entry.year)) check.fail(`${path}.year`, `year ${entry.year} is observed twice`);
    years.add(entry.year);
    for (const key of [
      'started',
      'dropouts',
      'measured',
      'grossSuccesses',
      'additionalSuccesses',
    ] as const) {
      check.nonNegative(`${path}.${key}`, entry[key], true);
    }
    check.money(`${path}.interventionCost`, entry.interventionCost, true);
    Object.entries(entry.metrics ?? {}).forEach(([id, value]) => {
      if (!metricIds.has(id)) check.fail(`${path}.metrics.${id}`, `no outcome metric '${id}'`);
      check.nonNegative(`${path}.metrics.${id}`, value);
    });
  });
}

/**
 * Every rule a contract breaks beyond its JSON shape (the HTTP layer answers 400 with the list):
 * shares sum to 100%, rates in [0, 1], dropout + success ≤ 1, deadweight ≤ success, horizon
 * 1–20 years, years ordered and within the horizon, money non-negative, references resolve.
 * An empty list means the contract can be projected.
 */
export function validateContract(contract: Contract): ContractViolation[] {
  const check = new Checker();
  check.text('id', contract.id);
  check.text('name', contract.name);
  check.integer('horizonYears', contract.horizonYears, MIN_HORIZON_YEARS, MAX_HORIZON_YEARS);
  check.integer('startYear', contract.startYear, MIN_CONTRACT_YEAR, MAX_CONTRACT_YEAR);
  check.integer('priceYear', contract.priceYear, MIN_CONTRACT_YEAR, MAX_CONTRACT_YEAR);
  if (!check.violations.some((v) => v.path === 'horizonYears' || v.path === 'startYear')) {
    const endYear = contract.startYear + contract.horizonYears - 1;
    if (endYear > MAX_CONTRACT_YEAR)
      check.fail(
        'horizonYears',
        `the contract would end in ${endYear}, after ${MAX_CONTRACT_YEAR}`,
      );
  }
  check.rate('discountRate', contract.discountRate, true);
  checkParties(check, contract);
  if (!contract.intervention) check.fail('intervention', 'is required');
  else checkIntervention(check, contract);

  const levels = new Set(
    (contract.parties ?? []).map((party) => party.level).filter(Boolean) as string[],
  );
  if (contract.costBearer !== 'authority' && contract.costBearer !== 'investors') {
    check.fail(
      'costBearer',
      `must be authority or investors, got ${JSON.stringify(contract.costBearer)}`,
    );
  }
  if (contract.costBearer === 'investors' && !contract.capital) {
    check.fail('capital', 'investors bear the cost, so the contract needs capital');
  }
  if (contract.costBearer === 'authority' && contract.capital) {
    check.fail('capital', 'an authority bears the cost, so there is no capital to draw');
  }
  if (contract.authorityCostShares) {
    check.levelShares('authorityCostShares', contract.authorityCostShares, levels);
  }
  if (contract.paymentModel) checkPaymentModel(check, contract, contract.paymentModel);
  if (contract.capital) checkCapital(check, contract, contract.capital);
  if (contract.gainSharing?.basis === 'fixed') {
    check.levelShares('gainSharing.shares', contract.gainSharing.shares, levels);
  } else if (contract.gainSharing && contract.gainSharing.basis !== 'somGains') {
    check.fail('gainSharing.basis', 'must be fixed or somGains');
  }
  checkObserved(check, contract);
  return check.violations;
}
