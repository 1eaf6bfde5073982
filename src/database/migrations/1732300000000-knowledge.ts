import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Knowledge1732300000000 implements MigrationInterface {
  name = 'Knowledge1732300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "knowledge_file" ("path" varchar PRIMARY KEY NOT NULL, "sha256" varchar NOT NULL, "seeded_at" varchar NOT NULL)`,
    );
    await q.query(
      `CREATE TABLE "target_group" ("id" varchar PRIMARY KEY NOT NULL, "name_da" varchar NOT NULL, "name_en" varchar NOT NULL, "description" varchar NOT NULL, "source" varchar NOT NULL, "document" text NOT NULL)`,
    );
    await q.query(
      `CREATE TABLE "success_measure" ("id" varchar PRIMARY KEY NOT NULL, "target_group_id" varchar NOT NULL REFERENCES "target_group" ("id"), "name_da" varchar NOT NULL, "name_en" varchar NOT NULL, "description" varchar NOT NULL, "source" varchar NOT NULL, "document" text NOT NULL)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "success_measure"`);
    await q.query(`DROP TABLE "target_group"`);
    await q.query(`DROP TABLE "knowledge_file"`);
  }
}
