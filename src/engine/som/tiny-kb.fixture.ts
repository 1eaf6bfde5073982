import type { KnowledgeBase } from './types';

/**
 * A hand-sized knowledge base for unit tests, small enough to value by hand:
 * index 2020 = 100, 2023 = 110 (so 2020 prices × 1.1 in 2023 prices); discount 3.5% then 2.5%.
 * Measure 'tiny-measure': bed-days −2, −1 (then tapered), benefit weeks −1 for 4 years,
 * course weeks +1, +0.5 (then tapered).
 */
export const TINY_KB: KnowledgeBase = {
  parameters: {
    version: 'test',
    priceIndex: [
      { year: 2020, index: { value: 100, source: 'test' } },
      { year: 2023, index: { value: 110, source: 'test' } },
    ],
    discountRate: [
      { fromYear: 0, toYear: 35, rate: { value: 0.035, source: 'test' } },
      { fromYear: 36, toYear: null, rate: { value: 0.025, source: 'test' } },
    ],
    transferTaxRate: { value: 0.27, source: 'test' },
    taperEndYear: { value: 20, source: 'test' },
  },
  targetGroups: [
    {
      id: 'tiny-group',
      name: { da: 'Lille', en: 'Tiny' },
      description: 'test',
      source: 'test',
      items: [
        {
          id: 'bed-day',
          name: { da: 'Sengedag', en: 'Bed-day' },
          area: 'health',
          unit: 'day',
          priceYear: 2020,
          prices: {
            kommune: { value: 100, source: 'test' },
            region: { value: 900, source: 'test' },
            stat: { value: 0, source: 'test' },
          },
        },
        {
          id: 'benefit-week',
          name: { da: 'Ydelse', en: 'Benefit' },
          area: 'income_transfers',
          unit: 'week',
          priceYear: 2023,
          prices: {
            kommune: { value: 80, source: 'test' },
            region: { value: 0, source: 'test' },
            stat: { value: 20, source: 'test' },
          },
        },
        {
          id: 'course-week',
          name: { da: 'Kursus', en: 'Course' },
          area: 'education_employment',
          unit: 'week',
          priceYear: 2023,
          prices: {
            kommune: { value: 50, source: 'test' },
            region: { value: 0, source: 'test' },
            stat: { value: 0, source: 'test' },
          },
        },
      ],
      successMeasures: [
        {
          id: 'tiny-measure',
          name: { da: 'Succes', en: 'Success' },
          description: 'test',
          source: 'test',
          consequences: [
            {
              item: 'bed-day',
              effects: [
                { value: -2, source: 'test' },
                { value: -1, source: 'test' },
              ],
            },
            {
              item: 'benefit-week',
              effects: [-1, -1, -1, -1].map((value) => ({ value, source: 'test' })),
            },
            {
              item: 'course-week',
              effects: [
                { value: 1, source: 'test' },
                { value: 0.5, source: 'test' },
              ],
            },
          ],
        },
      ],
    },
  ],
};
