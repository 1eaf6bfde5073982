import { Injectable } from '@nestjs/common';
import { listContractTemplates, loadContractTemplate } from '../../data/contracts';
import type { Contract } from '../../engine/contract';
import { UnknownIdError } from '../../engine/shared/errors';
import { joinPath, parseContractDocument } from './contract-checks';
import { mergeOverrides } from '../../engine/contract/overrides';

/**
 * The templates in `contracts/`, read (and validated) on each request so an edited template is
 * served without a restart. A template is only ever loaded by an id from the listing: a client's
 * `templateId` never becomes a file path.
 */
@Injectable()
export class ContractTemplates {
  list() {
    return listContractTemplates().map(({ id, name, description }) => ({ id, name, description }));
  }

  /**
   * The template with the overrides merged on, checked like a request body. `prefix` is where the
   * reference sits in the request ('' for `POST /contracts`, 'contracts.2' in a comparison).
   */
  resolve(
    templateId: string,
    overrides: Record<string, unknown> | undefined,
    prefix: string,
  ): Contract {
    if (!listContractTemplates().some((template) => template.id === templateId)) {
      throw new UnknownIdError('contract template', templateId);
    }
    const template = loadContractTemplate(templateId) as unknown as Record<string, unknown>;
    const merged = overrides
      ? mergeOverrides(template, overrides, joinPath(prefix, 'overrides'))
      : template;
    return parseContractDocument(merged, prefix);
  }
}
