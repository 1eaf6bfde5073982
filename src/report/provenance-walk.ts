import type { Provenance } from '../engine/contract/types';
import type { AssumptionEntry, ProvenanceOrigin } from './types';

/**
 * Walks a JSON document (a contract template, a scenario file) and lists every number in it with
 * the provenance its `sources` map records: the entry at the number's JSON pointer, else at the
 * nearest enclosing pointer (a source on "/intervention/intake" covers "/intervention/intake/0").
 * Money is a decimal string in these documents, so a decimal string counts as a number too.
 */

const DECIMAL_STRING = /^-?\d+(\.\d+)?$/;

/** Keys whose values are names or references, never quantities, even when they look numeric. */
const TEXT_KEYS = new Set([
  'id',
  'name',
  'description',
  'note',
  '$schema',
  'targetGroupId',
  'successMeasureId',
  'contractTemplate',
  'partyId',
  'guarantorPartyId',
  'byPartyId',
  'metric',
]);

export interface WalkOptions {
  origin: ProvenanceOrigin;
  /** The file as the report names it, e.g. 'contracts/ips-holbaek.json'. */
  file: string;
  /** The provenance map, keyed by pointers inside the walked value. */
  sources: Record<string, Provenance | undefined>;
  /** Pointer prefix of the walked value inside the file ('/contract' for an inline contract). */
  prefix?: string;
  /** Top-level keys not walked (e.g. the `sources` map itself). */
  skipKeys?: readonly string[];
  /** Pointers (inside the walked value) left out, with everything below them. */
  skipPointers?: (pointer: string) => boolean;
}

/** The pointer's parent ("/a/b/0" → "/a/b"); the root has none. */
function parentPointer(pointer: string): string | null {
  const cut = pointer.lastIndexOf('/');
  return cut <= 0 ? null : pointer.slice(0, cut);
}

/** The recorded provenance of a pointer or its nearest ancestor that has one. */
export function provenanceAt(
  sources: Record<string, Provenance | undefined>,
  pointer: string,
): Provenance | undefined {
  for (let p: string | null = pointer; p !== null; p = parentPointer(p)) {
    const found = sources[p];
    if (found) return found;
  }
  return undefined;
}

/** An entry from a recorded provenance (or its absence). */
export function entryOf(
  base: Pick<AssumptionEntry, 'origin' | 'file' | 'pointer' | 'label' | 'value' | 'unit'>,
  provenance:
    | Provenance
    | { source?: string; assumption?: boolean; calibrated?: boolean; reason?: string }
    | undefined,
): AssumptionEntry {
  const source = provenance?.source;
  const assumption = provenance?.assumption === true;
  const calibrated = (provenance as { calibrated?: boolean } | undefined)?.calibrated === true;
  return {
    ...base,
    ...(source ? { source } : {}),
    assumption,
    calibrated,
    ...(provenance?.reason ? { reason: provenance.reason } : {}),
    unsourced: !source && !assumption && !calibrated,
  };
}

/** "/intervention/cost/total" → "intervention › cost › total". */
export function pointerLabel(pointer: string): string {
  return pointer.split('/').filter(Boolean).join(' › ');
}

function isQuantity(key: string, value: unknown): value is number | string {
  if (TEXT_KEYS.has(key)) return false;
  if (typeof value === 'number') return Number.isFinite(value);
  return typeof value === 'string' && DECIMAL_STRING.test(value);
}

/** Every number in `document` as an assumption entry, in document order. */
export function walkNumbers(document: unknown, options: WalkOptions): AssumptionEntry[] {
  const prefix = options.prefix ?? '';
  const skipKeys = new Set(options.skipKeys ?? []);
  const entries: AssumptionEntry[] = [];
  const visit = (value: unknown, pointer: string, key: string): void => {
    if (options.skipPointers?.(pointer)) return;
    if (Array.isArray(value)) {
      value.forEach((element, index) => visit(element, `${pointer}/${index}`, key));
      return;
    }
    if (value !== null && typeof value === 'object') {
      for (const [childKey, child] of Object.entries(value as Record<string, unknown>)) {
        if (pointer === '' && skipKeys.has(childKey)) continue;
        visit(child, `${pointer}/${childKey}`, childKey);
      }
      return;
    }
    if (!isQuantity(key, value)) return;
    const filePointer = prefix + pointer;
    entries.push(
      entryOf(
        {
          origin: options.origin,
          file: options.file,
          pointer: filePointer,
          label: pointerLabel(filePointer),
          value: String(value),
        },
        provenanceAt(options.sources, pointer),
      ),
    );
  };
  visit(document, '', '');
  return entries;
}
