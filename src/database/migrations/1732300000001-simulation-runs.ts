import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SimulationRuns1732300000001 implements MigrationInterface {
  name = 'SimulationRuns1732300000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "simulation_run" ("id" varchar PRIMARY KEY NOT NULL, "kind" varchar NOT NULL, "status" varchar NOT NULL, "progress" real NOT NULL, "inputs" text NOT NULL, "seed" varchar NOT NULL, "trials" integer NOT NULL, "software_version" varchar NOT NULL, "result" text, "error" text, "timings" text, "created_at" varchar NOT NULL, "started_at" varchar, "finished_at" varchar)`,
    );
    await q.query(`CREATE INDEX "simulation_run_status" ON "simulation_run" ("status")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "simulation_run"`);
  }
}
