import type { SuccessMeasure, TargetGroup } from '../../engine/som';
import type { SuccessMeasureEntity, TargetGroupEntity } from '../knowledge/knowledge.entities';

/** Responses are built here, never by returning entities. */
export function toSuccessMeasureResponse(entity: SuccessMeasureEntity) {
  const document = JSON.parse(entity.document) as SuccessMeasure;
  return {
    id: entity.id,
    targetGroupId: entity.targetGroupId,
    name: { da: entity.nameDa, en: entity.nameEn },
    description: entity.description,
    source: entity.source,
    consequences: document.consequences,
    published: document.published ?? null,
  };
}

export function toTargetGroupResponse(entity: TargetGroupEntity, measures: SuccessMeasureEntity[]) {
  const document = JSON.parse(entity.document) as TargetGroup;
  return {
    id: entity.id,
    name: { da: entity.nameDa, en: entity.nameEn },
    description: entity.description,
    source: entity.source,
    items: document.items,
    successMeasures: measures.map(toSuccessMeasureResponse),
  };
}
