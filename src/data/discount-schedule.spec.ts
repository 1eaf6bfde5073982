import { FINANCE_MINISTRY_2021_SCHEDULE } from '../engine/shared/discount';
import { knowledgeDiscountSchedule } from '../engine/som';
import { loadKnowledgeBase } from './knowledge';

/*
 * The SØM valuation discounts with the knowledge base's schedule; the contract projection, the
 * fund and the reports use the Finance Ministry constant. They must be the same schedule, or the
 * engines would disagree on every NPV the moment knowledge/parameters.json changes.
 */
describe('the discount schedule', () => {
  it('in knowledge/parameters.json is the one the contract, fund and report engines use', () => {
    const fromKnowledgeBase = knowledgeDiscountSchedule(loadKnowledgeBase().parameters).map(
      (s) => ({
        ...s,
        rate: String(s.rate),
      }),
    );
    const constant = FINANCE_MINISTRY_2021_SCHEDULE.map((s) => ({ ...s, rate: String(s.rate) }));
    expect(fromKnowledgeBase).toEqual(constant);
  });
});
