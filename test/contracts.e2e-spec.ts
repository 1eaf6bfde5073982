import { Logger } from '@nestjs/common';
import Decimal from 'decimal.js';
import request from 'supertest';
import { EntityManager } from 'typeorm';
import { fromBuild, useTestApp } from './support/app';

// The app under test is the build (see support/app.ts), so the entity classes must be the built ones.
const { ContractEntity, ContractRevisionEntity } = fromBuild<
  typeof import('../src/modules/contracts/contract.entities')
>('modules/contracts/contract.entities');

/**
 * The contracts API on the real app and a temporary SQLite file. Figures come from the Holbæk IPS
 * templates (contracts/ips-holbaek*.json, DOMAIN.md §1): 180 participants, 10% dropout, 40%
 * gross success of whom 24 percentage points are deadweight, cost 6.9 mio. kr.
 */

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

interface ContractBody {
  id: string;
  name: string;
  latestRevision: number;
  revision: number;
  note: string;
  contract: Record<string, any>;
}

type Levels = Record<'kommune' | 'region' | 'stat' | 'public', string>;

function violationPaths(body: unknown): string[] {
  return (body as { violations: { path: string }[] }).violations.map((v) => v.path);
}

/** kommune + region + stat, exact to the øre (the split must add up to the public total). */
function sumOfLevels(levels: unknown): string {
  const amounts = levels as Levels;
  return new Decimal(amounts.kommune).plus(amounts.region).plus(amounts.stat).toFixed(2);
}

describe('contracts over HTTP (real app, temporary SQLite file)', () => {
  const server = useTestApp();
  afterEach(() => jest.restoreAllMocks());

  async function createFromTemplate(templateId: string, extra: object = {}): Promise<ContractBody> {
    const res = await request(server())
      .post('/contracts')
      .send({ templateId, ...extra })
      .expect(201);
    return res.body as ContractBody;
  }

  async function revisionNumbers(id: string): Promise<number[]> {
    const res = await request(server()).get(`/contracts/${id}/revisions`).expect(200);
    return (res.body as { revision: number }[]).map((r) => r.revision);
  }

  async function contractIds(): Promise<string[]> {
    const res = await request(server()).get('/contracts').expect(200);
    return (res.body as { id: string }[]).map((c) => c.id);
  }

  describe('templates', () => {
    it('lists the templates in contracts/ with their ids and names', async () => {
      const res = await request(server()).get('/contracts/templates').expect(200);
      const templates = res.body as { id: string; name: string }[];
      expect(templates.map((x) => x.id)).toEqual(
        expect.arrayContaining(['ips-holbaek', 'ips-holbaek-rate-card']),
      );
      expect(templates.find((x) => x.id === 'ips-holbaek')?.name).toMatch(/Holbæk/);
    });

    it('creates revision 1 from a template and lists it with its latest revision number', async () => {
      const created = await createFromTemplate('ips-holbaek');
      expect(created).toMatchObject({ latestRevision: 1, revision: 1 });
      expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(created.contract.id).toBe('ips-holbaek');
      expect(created.note).toContain('ips-holbaek');
      const list = await request(server()).get('/contracts').expect(200);
      expect(list.body).toContainEqual({
        id: created.id,
        name: created.name,
        createdAt: expect.any(String),
        latestRevision: 1,
      });
    });

    it('deep-merges overrides onto the template, keeping the fields they do not name', async () => {
      const created = await createFromTemplate('ips-holbaek', {
        overrides: { intervention: { participants: 90 } },
        note: 'half the cohort',
      });
      expect(created.note).toBe('half the cohort');
      expect(created.contract.intervention.participants).toBe(90);
      // Siblings of the overridden field still come from the template.
      expect(created.contract.intervention.dropoutRate).toBe(0.1);
      expect(created.contract.intervention.cost).toEqual({ total: '6900000' });
    });
  });

  describe('revisions', () => {
    it('stores a revision as a new number and keeps the first revision unchanged', async () => {
      const first = await createFromTemplate('ips-holbaek');
      const revised = structuredClone(first.contract);
      revised.intervention.participants = 200;
      const res = await request(server())
        .post(`/contracts/${first.id}/revisions`)
        .send({ contract: revised, note: 'kommune widens the cohort to 200' })
        .expect(201);
      expect(res.body).toMatchObject({ id: first.id, revision: 2, latestRevision: 2 });

      const latest = await request(server()).get(`/contracts/${first.id}`).expect(200);
      expect(latest.body.revision).toBe(2);
      expect(latest.body.contract.intervention.participants).toBe(200);

      const one = await request(server()).get(`/contracts/${first.id}/revisions/1`).expect(200);
      expect(one.body.contract).toEqual(first.contract);
      expect(one.body.latestRevision).toBe(2);

      const history = await request(server()).get(`/contracts/${first.id}/revisions`).expect(200);
      expect(history.body).toEqual([
        expect.objectContaining({ revision: 1, note: first.note }),
        expect.objectContaining({ revision: 2, note: 'kommune widens the cohort to 200' }),
      ]);
    });

    it('projects each revision from its own document', async () => {
      const first = await createFromTemplate('ips-holbaek');
      const revised = structuredClone(first.contract);
      revised.intervention.participants = 200;
      await request(server())
        .post(`/contracts/${first.id}/revisions`)
        .send({ contract: revised, note: '200 participants' })
        .expect(201);
      // Additional successes = participants × (1 − dropout) × (gross − deadweight):
      //   revision 1: 180 × 0.9 × (0.40 − 0.24) = 25.92;  revision 2: 200 × 0.9 × 0.16 = 28.8
      const one = await request(server())
        .get(`/contracts/${first.id}/revisions/1/projection`)
        .expect(200);
      const latest = await request(server()).get(`/contracts/${first.id}/projection`).expect(200);
      expect(one.body.outcomes.additionalSuccesses).toBe(25.92);
      expect(latest.body.outcomes.additionalSuccesses).toBe(28.8);
    });

    it('requires a note saying what changed', async () => {
      const first = await createFromTemplate('ips-holbaek');
      const res = await request(server())
        .post(`/contracts/${first.id}/revisions`)
        .send({ contract: first.contract })
        .expect(400);
      expect(violationPaths(res.body)).toContain('note');
    });
  });

  describe('projection', () => {
    it('returns break-even years, nets by level and the investor return, split exactly', async () => {
      const created = await createFromTemplate('ips-holbaek-rate-card');
      const res = await request(server()).get(`/contracts/${created.id}/projection`).expect(200);
      const p = res.body;
      for (const key of ['kommune', 'region', 'stat']) {
        expect(p.breakEvenYear).toHaveProperty(key);
      }
      expect(p.investor).toEqual(
        expect.objectContaining({ irr: expect.any(Number), multiple: expect.any(Number) }),
      );
      expect(p.net.public).toBe(sumOfLevels(p.net));
      for (const year of p.byYear as { net: Levels }[]) {
        expect(year.net.public).toBe(sumOfLevels(year.net));
      }
      expect(p.byYear).toHaveLength(6);
      // 6.9 mio. kr. drawn in two halves as the cohort starts: 3,450,000 in years 1 and 2.
      expect(p.investor.drawn).toBe('6900000.00');
      expect(p.byYear[0].capitalDrawn).toBe('3450000.00');
      // Principal plus 5% a year on what is outstanding, repaid in five equal parts of 690,000
      // starting the year after each draw; the second draw's last part is settled in year 6:
      //   draw 1 interest: 5% × (3,450,000 + 2,760,000 + 2,070,000 + 1,380,000 + 690,000) = 517,500
      //   draw 2 interest: 5% × (3,450,000 + 2,760,000 + 2,070,000 + 1,380,000)           = 483,000
      // so DSI nets 1,000,500 kr., an IRR of exactly 5% and a multiple of 7,900,500 / 6,900,000.
      expect(p.net.investor).toBe('1000500.00');
      expect(p.investor.irr).toBe(0.05);
      expect(p.investor.multiple).toBe(1.145);
    });

    it('shows no investor return for a contract the kommune pays as it is spent', async () => {
      const created = await createFromTemplate('ips-holbaek');
      const res = await request(server()).get(`/contracts/${created.id}/projection`).expect(200);
      expect(res.body.investor).toMatchObject({ irr: null, multiple: null, npv: null });
      expect(res.body.interventionCost).toBe('6900000.00');
      expect(res.body.net.public).toBe(sumOfLevels(res.body.net));
    });
  });

  describe('compare (the negotiating table)', () => {
    it('lines up two payment models of the same intervention in one table', async () => {
      const res = await request(server())
        .post('/contracts/compare')
        .send({
          contracts: [{ templateId: 'ips-holbaek' }, { templateId: 'ips-holbaek-rate-card' }],
        })
        .expect(200);
      expect(res.body.columns.map((c: { label: string }) => c.label)).toEqual([
        'ips-holbaek',
        'ips-holbaek-rate-card',
      ]);
      expect(res.body.warnings).toEqual([]);
      const row = (actor: string, metric: string) =>
        (res.body.rows as { actor: string; metric: string; values: unknown[] }[]).find(
          (r) => r.actor === actor && r.metric === metric,
        )?.values;
      // Same cohort under both models: 180 × 0.9 × 0.16 = 25.92 additional jobs.
      expect(row('contract', 'additionalSuccesses')).toEqual([25.92, 25.92]);
      // Only the rate card has an investor (5% a year, see the projection test).
      expect(row('investor', 'irr')).toEqual([null, 0.05]);
      expect(row('contract', 'outcomePayments')?.[0]).toBe('0.00');
    });

    it('compares a stored revision with an inline contract', async () => {
      const stored = await createFromTemplate('ips-holbaek');
      const inline = { ...structuredClone(stored.contract), id: 'ips-holbaek-inline' };
      const res = await request(server())
        .post('/contracts/compare')
        .send({ contracts: [{ contractId: stored.id, revision: 1 }, inline] })
        .expect(200);
      expect(res.body.columns.map((c: { label: string }) => c.label)).toEqual([
        `${stored.name} (revision 1)`,
        'ips-holbaek-inline',
      ]);
    });

    it('needs two to six contracts and names the path of a broken inline contract', async () => {
      const one = await request(server())
        .post('/contracts/compare')
        .send({ contracts: [{ templateId: 'ips-holbaek' }] })
        .expect(400);
      expect(violationPaths(one.body)).toContain('contracts');

      const stored = await createFromTemplate('ips-holbaek');
      const broken = structuredClone(stored.contract);
      broken.intervention.dropoutRate = 1.5;
      const res = await request(server())
        .post('/contracts/compare')
        .send({ contracts: [{ templateId: 'ips-holbaek' }, broken] })
        .expect(400);
      expect(violationPaths(res.body)).toEqual(['contracts.1.intervention.dropoutRate']);
    });
  });

  describe('validation', () => {
    it('answers 400 listing every violated field path of a malformed contract at once', async () => {
      const { contract } = await createFromTemplate('ips-holbaek');
      contract.intervention.dropoutRate = 1.5;
      contract.intervention.cost.total = '-6900000';
      contract.unexpected = true;
      const res = await request(server()).post('/contracts').send({ contract }).expect(400);
      expect(violationPaths(res.body)).toEqual(
        expect.arrayContaining([
          'contract.intervention.dropoutRate',
          'contract.intervention.cost.total',
          'contract.unexpected',
        ]),
      );
    });

    it('answers 400 listing every broken domain rule and knowledge-base reference', async () => {
      const { contract } = await createFromTemplate('ips-holbaek');
      contract.intervention.intake = [0.5, 0.6]; // sums to 110%
      contract.intervention.dropoutRate = 0.7; // 0.7 dropout + 0.4 success > 1
      contract.intervention.successMeasureId = 'no-such-measure';
      const res = await request(server()).post('/contracts').send({ contract }).expect(400);
      expect(violationPaths(res.body)).toEqual(
        expect.arrayContaining([
          'contract.intervention.intake',
          'contract.intervention.dropoutRate',
          'contract.intervention.successMeasureId',
        ]),
      );
      expect(res.body.message.join('\n')).toContain('no-such-measure');
    });

    it('names the contract field when overrides on a template break a rule', async () => {
      const res = await request(server())
        .post('/contracts')
        .send({
          templateId: 'ips-holbaek',
          overrides: { intervention: { successMeasureId: 'nope' } },
        })
        .expect(400);
      expect(violationPaths(res.body)).toEqual(['intervention.successMeasureId']);
    });

    it('rejects a body with both a contract and a template, or with neither', async () => {
      const { contract } = await createFromTemplate('ips-holbaek');
      const both = await request(server())
        .post('/contracts')
        .send({ contract, templateId: 'ips-holbaek' })
        .expect(400);
      expect(violationPaths(both.body)).toContain('templateId');
      const neither = await request(server()).post('/contracts').send({ note: 'x' }).expect(400);
      expect(violationPaths(neither.body)).toContain('contract');
    });
  });

  it('documents every contract schema it references in the OpenAPI document', async () => {
    const res = await request(server()).get('/api/docs-json').expect(200);
    const document = res.body as { components: { schemas: Record<string, unknown> } };
    const referenced = [...JSON.stringify(document).matchAll(/#\/components\/schemas\/(\w+)/g)].map(
      (match) => match[1],
    );
    expect(referenced).toEqual(expect.arrayContaining(['ContractDto', 'RateCardComponentDto']));
    const missing = referenced.filter((name) => !(name in document.components.schemas));
    expect(missing).toEqual([]);
  });

  describe('unknown ids', () => {
    it('answers 404 naming an unknown contract id on every route', async () => {
      for (const path of [
        '',
        '/revisions',
        '/revisions/1',
        '/projection',
        '/revisions/1/projection',
      ]) {
        const res = await request(server()).get(`/contracts/${UNKNOWN_ID}${path}`).expect(404);
        expect(res.body.message).toContain(UNKNOWN_ID);
      }
      const { contract } = await createFromTemplate('ips-holbaek');
      await request(server())
        .post(`/contracts/${UNKNOWN_ID}/revisions`)
        .send({ contract, note: 'x' })
        .expect(404);
    });

    it('answers 404 naming an unknown revision and 400 for a revision that is not a number', async () => {
      const created = await createFromTemplate('ips-holbaek');
      const res = await request(server()).get(`/contracts/${created.id}/revisions/9`).expect(404);
      expect(res.body.message).toContain(`${created.id}/revisions/9`);
      const notANumber = await request(server())
        .get(`/contracts/${created.id}/revisions/latest`)
        .expect(400);
      expect(violationPaths(notANumber.body)).toEqual(['revision']);
    });

    it('answers 404 naming an unknown template, and never reads a template id as a path', async () => {
      for (const templateId of ['no-such-template', '../package']) {
        const res = await request(server()).post('/contracts').send({ templateId }).expect(404);
        expect(res.body.message).toContain(templateId);
      }
      const res = await request(server())
        .post('/contracts/compare')
        .send({ contracts: [{ templateId: 'ips-holbaek' }, { templateId: 'no-such-template' }] })
        .expect(404);
      expect(res.body.message).toContain('no-such-template');
    });
  });

  describe('transactional writes', () => {
    /** Makes the next write of `method` on `target` fail, as a full disk or a crash would. */
    function failNextWrite(method: 'insert' | 'update', target: object): void {
      const original = EntityManager.prototype[method] as (...args: unknown[]) => unknown;
      jest.spyOn(EntityManager.prototype, method).mockImplementation(function (
        this: EntityManager,
        ...args: unknown[]
      ) {
        if (args[0] === target) throw new Error(`injected ${method} failure`);
        return original.apply(this, args);
      } as never);
      jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    }

    it('numbers concurrent revisions 2, 3, … without losing or repeating one', async () => {
      const created = await createFromTemplate('ips-holbaek');
      const notes = Array.from({ length: 6 }, (_, i) => `parallel edit ${i}`);
      const responses = await Promise.all(
        notes.map((note) =>
          request(server())
            .post(`/contracts/${created.id}/revisions`)
            .send({ contract: created.contract, note }),
        ),
      );
      expect(responses.map((r) => r.status)).toEqual(notes.map(() => 201));
      // 1 from the creation, then one revision per request: 1 + 6 = 7 revisions in all.
      expect(await revisionNumbers(created.id)).toEqual([1, 2, 3, 4, 5, 6, 7]);
      const latest = await request(server()).get(`/contracts/${created.id}`).expect(200);
      expect(latest.body.latestRevision).toBe(7);
    });

    it('leaves the revision count unchanged when a revision fails validation', async () => {
      const created = await createFromTemplate('ips-holbaek');
      const broken = structuredClone(created.contract);
      broken.horizonYears = 30;
      await request(server())
        .post(`/contracts/${created.id}/revisions`)
        .send({ contract: broken, note: 'too long' })
        .expect(400);
      expect(await revisionNumbers(created.id)).toEqual([1]);
      const latest = await request(server()).get(`/contracts/${created.id}`).expect(200);
      expect(latest.body.latestRevision).toBe(1);
    });

    it('stores no contract when writing its first revision fails', async () => {
      const before = await contractIds();
      failNextWrite('insert', ContractRevisionEntity);
      await request(server()).post('/contracts').send({ templateId: 'ips-holbaek' }).expect(500);
      jest.restoreAllMocks();
      expect(await contractIds()).toEqual(before);
    });

    it('keeps no half-written revision when moving the latest-revision pointer fails', async () => {
      const created = await createFromTemplate('ips-holbaek');
      failNextWrite('update', ContractEntity);
      await request(server())
        .post(`/contracts/${created.id}/revisions`)
        .send({ contract: created.contract, note: 'unchanged' })
        .expect(500);
      jest.restoreAllMocks();
      expect(await revisionNumbers(created.id)).toEqual([1]);
      // The database is still writable afterwards: the next revision is number 2.
      await request(server())
        .post(`/contracts/${created.id}/revisions`)
        .send({ contract: created.contract, note: 'unchanged, second try' })
        .expect(201);
      expect(await revisionNumbers(created.id)).toEqual([1, 2]);
    });
  });
});
