import { UnknownIdError } from '../shared/errors';
import { gainProfile } from './gain-profile';
import { TINY_KB } from './tiny-kb.fixture';

const asStrings = (record: Record<string, { toString(): string }>) =>
  Object.fromEntries(Object.entries(record).map(([key, value]) => [key, value.toString()]));

describe('gainProfile', () => {
  const profile = gainProfile(TINY_KB, 'tiny-measure', { priceYear: 2023, years: 3 });

  it('values year 1 after success per actor as −(effect × price) in the price year', () => {
    // bed-day −2 × (100 | 900) × 110/100 → kommune +220, region +1980;
    // benefit −1 × (80 | 20) → kommune +80, stat +20; course +1 × 50 → kommune −50.
    // kommune 220 + 80 − 50 = 250, region 1980, stat 20.
    expect(asStrings(profile.offsets[0].byActor)).toEqual({
      kommune: '250',
      region: '1980',
      stat: '20',
    });
  });

  it('splits each year by welfare area, with untouched areas at 0', () => {
    expect(asStrings(profile.offsets[0].byArea.health)).toEqual({
      kommune: '220',
      region: '1980',
      stat: '0',
    });
    expect(asStrings(profile.offsets[0].byArea.education_employment)).toEqual({
      kommune: '-50',
      region: '0',
      stat: '0',
    });
    expect(asStrings(profile.offsets[0].byArea.justice)).toEqual({
      kommune: '0',
      region: '0',
      stat: '0',
    });
  });

  it('tapers an effect after its last estimated year', () => {
    // bed-day year 3: −1 × (20 − 3)/(20 − 2) = −17/18 → region 990 × 17/18 = 935.
    expect(profile.offsets[2].byArea.health.region.toString()).toBe('935');
  });

  it('leaves an excluded area out of every actor total', () => {
    const without = gainProfile(TINY_KB, 'tiny-measure', {
      priceYear: 2023,
      years: 1,
      excludedAreas: ['education_employment'],
    });
    // kommune 220 + 80 = 300 without the −50 of the course.
    expect(without.offsets[0].byActor.kommune.toString()).toBe('300');
    expect(without.offsets[0].byArea.education_employment.kommune.toString()).toBe('0');
  });

  it('moves prices to another price year with the index', () => {
    // In 2020 prices the 2023 benefit price shrinks by 100/110: 80 × 100/110 = 72.7272…
    const in2020 = gainProfile(TINY_KB, 'tiny-measure', { priceYear: 2020, years: 1 });
    expect(in2020.offsets[0].byArea.income_transfers.kommune.toFixed(4)).toBe('72.7273');
    expect(in2020.offsets[0].byArea.health.kommune.toString()).toBe('200');
  });

  it('names the unknown success measure', () => {
    expect(() => gainProfile(TINY_KB, 'no-such-measure', { priceYear: 2023, years: 1 })).toThrow(
      expect.objectContaining({ kind: 'success measure', id: 'no-such-measure' }) as Error,
    );
    expect(() => gainProfile(TINY_KB, 'no-such-measure', { priceYear: 2023, years: 1 })).toThrow(
      UnknownIdError,
    );
  });

  it('refuses a price year the index does not cover', () => {
    expect(() => gainProfile(TINY_KB, 'tiny-measure', { priceYear: 2019, years: 1 })).toThrow(
      /no price index for 2019/,
    );
  });
});
