import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Contracts1732300000002 implements MigrationInterface {
  name = 'Contracts1732300000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "contract" ("id" varchar PRIMARY KEY NOT NULL, "name" varchar NOT NULL, "created_at" varchar NOT NULL, "latest_revision" integer NOT NULL CHECK ("latest_revision" >= 1))`,
    );
    await q.query(
      `CREATE TABLE "contract_revision" ("contract_id" varchar NOT NULL REFERENCES "contract" ("id"), "revision" integer NOT NULL CHECK ("revision" >= 1), "document" text NOT NULL, "note" text NOT NULL, "created_at" varchar NOT NULL, PRIMARY KEY ("contract_id", "revision"))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "contract_revision"`);
    await q.query(`DROP TABLE "contract"`);
  }
}
