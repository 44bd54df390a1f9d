import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source.options';
import { runMigrations } from '../src/database/database.bootstrap';
import { createTestDatabase } from './support/test-app';

describe('migrations', () => {
  it('bring an empty database to exactly the schema the entities describe', async () => {
    const url = await createTestDatabase();
    const ran = await runMigrations(url);
    expect(ran.length).toBeGreaterThan(0);
    const ds = new DataSource(dataSourceOptions(url));
    await ds.initialize();
    try {
      const pending = await ds.driver.createSchemaBuilder().log();
      // A non-empty list means an entity changed without a migration: run `npm run migration:generate -- Name`.
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
    } finally {
      await ds.destroy();
    }
  });

  it('run once when several processes start together', async () => {
    const url = await createTestDatabase();
    const results = await Promise.all([runMigrations(url), runMigrations(url), runMigrations(url)]);
    const counts = results.map((r) => r.length).sort();
    expect(counts[0]).toBe(0);
    expect(counts[1]).toBe(0);
    expect(counts[2]).toBeGreaterThan(0);
  });
});
