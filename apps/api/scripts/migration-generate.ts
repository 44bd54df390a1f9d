/**
 * `npm run migration:generate -- Name`: compares the entities with a database migrated to
 * the latest migration and writes the difference as a new migration (TypeORM's own schema
 * diff), then registers it in migrations/index.ts. Uses TEST_DATABASE_URL if set, else a
 * throwaway embedded PostgreSQL.
 */
import 'reflect-metadata';
import { mkdtemp, readFile, rm, writeFile, chmod } from 'node:fs/promises';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source.options';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../src/database/embedded-postgres';

async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) throw new Error('usage: npm run migration:generate -- PascalCaseName');
  let embedded: EmbeddedDatabase | undefined;
  let tmp: string | undefined;
  let url = process.env['TEST_DATABASE_URL'];
  if (!url) {
    tmp = await mkdtemp('/tmp/govdesk-migration-');
    await chmod(tmp, 0o755);
    embedded = await startEmbeddedPostgres({ dataDir: tmp, database: 'migration_generate' });
    url = embedded.url;
  }
  const ds = new DataSource(dataSourceOptions(url));
  try {
    await ds.initialize();
    await ds.runMigrations();
    const sql = await ds.driver.createSchemaBuilder().log();
    if (sql.upQueries.length === 0) {
      console.log('The entities and the migrations agree: nothing to generate.');
      return;
    }
    const timestamp = Date.now();
    const className = `${name}${timestamp}`;
    const q = (s: string) => '`' + s.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';
    const up = sql.upQueries.map((x) => `    await queryRunner.query(${q(x.query)});`).join('\n');
    const down = [...sql.downQueries].reverse().map((x) => `    await queryRunner.query(${q(x.query)});`).join('\n');
    const file = `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${up}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${down}
  }
}
`;
    const dir = join(__dirname, '../src/database/migrations');
    const fileName = `${timestamp}-${name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase()}`;
    await writeFile(join(dir, `${fileName}.ts`), file);
    const indexPath = join(dir, 'index.ts');
    let index = await readFile(indexPath, 'utf8');
    const imports = index.match(/^import .*\n/gm) ?? [];
    index = [...imports, `import { ${className} } from './${fileName}';\n`].join('') + index.replace(/^import .*\n/gm, '');
    index = index.replace(/export const migrations: \(new \(\) => MigrationInterface\)\[\] = \[([^\]]*)\];/, (_m, list: string) => {
      const items = list.split(',').map((s) => s.trim()).filter(Boolean);
      return `export const migrations: (new () => MigrationInterface)[] = [${[...items, className].join(', ')}];`;
    });
    await writeFile(indexPath, index);
    console.log(`Wrote src/database/migrations/${fileName}.ts (${sql.upQueries.length} statements). Review it before committing.`);
  } finally {
    if (ds.isInitialized) await ds.destroy();
    await embedded?.stop();
    if (tmp) await rm(tmp, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
