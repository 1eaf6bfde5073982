import { InvalidInputError } from '../shared/errors';
import { mergeOverrides } from './overrides';

function errorOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('mergeOverrides (a template with a scenario overlay)', () => {
  const template = {
    horizonYears: 6,
    intervention: { participants: 180, dropoutRate: 0.1, intake: [0.5, 0.5] },
    capital: { commitment: '6900000', returnCap: { multiple: 1.5 } },
  };

  it('changes only the fields an override names, keeping their siblings from the template', () => {
    const merged = mergeOverrides(template, { intervention: { dropoutRate: 0.2 } });
    expect(merged).toEqual({
      horizonYears: 6,
      intervention: { participants: 180, dropoutRate: 0.2, intake: [0.5, 0.5] },
      capital: { commitment: '6900000', returnCap: { multiple: 1.5 } },
    });
  });

  it('replaces an array whole instead of merging it element by element', () => {
    const merged = mergeOverrides(template, { intervention: { intake: [1] } });
    expect((merged.intervention as { intake: number[] }).intake).toEqual([1]);
  });

  it('removes an optional field that an override sets to null', () => {
    const merged = mergeOverrides(template, { capital: { returnCap: null } });
    expect(merged.capital).toEqual({ commitment: '6900000' });
  });

  it('leaves the template itself unchanged', () => {
    mergeOverrides(template, { horizonYears: 8, intervention: { participants: 90 } });
    expect(template.horizonYears).toBe(6);
    expect(template.intervention.participants).toBe(180);
  });

  it('rejects a prototype key with its path instead of changing the object prototype', () => {
    const overrides = JSON.parse('{"intervention": {"__proto__": {"polluted": true}}}') as Record<
      string,
      unknown
    >;
    const error = errorOf(() => mergeOverrides(template, overrides));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).violations.map((v) => v.path)).toEqual([
      'overrides.intervention.__proto__',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
