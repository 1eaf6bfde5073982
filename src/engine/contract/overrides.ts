import { InvalidInputError } from '../shared/errors';

/**
 * Overrides on a template (OpenFisca's reforms: a scenario lists only what it changes):
 * - an object merges key by key into the template's object at the same place;
 * - an array or a plain value replaces the template's value whole (a list of intake shares or
 *   payment components is one decision, so it is never merged element by element);
 * - null removes an optional field (e.g. `{ "capital": { "returnCap": null } }`).
 * Returns a new document; neither input is changed.
 */
export function mergeOverrides(
  template: Record<string, unknown>,
  overrides: Record<string, unknown>,
  path = 'overrides',
): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...template };
  for (const [key, value] of Object.entries(overrides)) {
    if (FORBIDDEN_KEYS.has(key)) {
      throw new InvalidInputError([
        { path: `${path}.${key}`, message: `'${key}' is not a contract field` },
      ]);
    }
    const current = merged[key];
    if (value === null) {
      delete merged[key];
    } else if (isPlainObject(value) && isPlainObject(current)) {
      merged[key] = mergeOverrides(current, value, `${path}.${key}`);
    } else {
      merged[key] = value;
    }
  }
  return merged;
}

/** Keys that would reach an object's prototype if assigned. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
