import { Injectable } from '@nestjs/common';
import { UnknownIdError } from '../../engine/shared/errors';
import { valuationToJson, valueSuccesses } from '../../engine/som';
import { KnowledgeService } from '../knowledge/knowledge.service';
import { DEFAULT_PRICE_YEAR, DEFAULT_VALUATION_HORIZON } from '../../engine/som/defaults';
import type { ValuationRequestDto } from './dto/valuation-request.dto';
import { toSuccessMeasureResponse, toTargetGroupResponse } from './som.mapper';

@Injectable()
export class SomService {
  constructor(private readonly knowledge: KnowledgeService) {}

  async listTargetGroups() {
    const [groups, measures] = await Promise.all([
      this.knowledge.listTargetGroups(),
      this.knowledge.listSuccessMeasures(),
    ]);
    return groups.map((g) =>
      toTargetGroupResponse(
        g,
        measures.filter((m) => m.targetGroupId === g.id),
      ),
    );
  }

  async getSuccessMeasure(id: string) {
    const measure = await this.knowledge.findSuccessMeasure(id);
    if (!measure) throw new UnknownIdError('success measure', id);
    return toSuccessMeasureResponse(measure);
  }

  value(request: ValuationRequestDto) {
    const firstYear = Math.min(...request.successes.map((s) => s.year));
    const valuation = valueSuccesses(this.knowledge.kb, {
      measureId: request.successMeasureId,
      successes: request.successes.map((s) => ({ year: s.year, count: s.count })),
      startYear: request.startYear ?? firstYear,
      horizonYears: request.horizonYears ?? DEFAULT_VALUATION_HORIZON,
      priceYear: request.priceYear ?? DEFAULT_PRICE_YEAR,
      discountRate: request.discountRate,
      excludedAreas: request.excludedAreas,
    });
    return valuationToJson(valuation);
  }
}
