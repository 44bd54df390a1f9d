import type { DataSourceOptions } from 'typeorm';
import { IdempotencySubscriber } from '../common/idempotency/idempotency';
import { entities, migrations } from './entities';

/** TypeORM options for a database URL. Schema changes only through migrations. */
export function dataSourceOptions(url: string, extra: Partial<DataSourceOptions> = {}): DataSourceOptions {
  return {
    type: 'postgres',
    uuidExtension: 'pgcrypto',
    url,
    entities,
    subscribers: [IdempotencySubscriber],
    migrations,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    extra: { max: 10, connectionTimeoutMillis: 5000 },
    ...extra,
  } as DataSourceOptions;
}
