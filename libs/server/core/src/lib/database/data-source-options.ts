import type { DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy';
import { MIGRATIONS } from './migrations';

export interface DatabaseSettings {
  DATABASE_URL: string;
  DATABASE_REPLICA_URLS: string[];
  DATABASE_POOL_SIZE: number;
}

/**
 * The one description of how to reach PostgreSQL: the api, the worker, the
 * migration runner and the integration tests all build their DataSource from it.
 * Entities are registered by the domain modules (autoLoadEntities), migrations
 * are an explicit list so that bundlers keep them.
 */
export function dataSourceOptions(
  settings: DatabaseSettings,
  entities: DataSourceOptions['entities'] = [],
): DataSourceOptions {
  const extra = { max: settings.DATABASE_POOL_SIZE, application_name: 'siantar-belajar' };
  const base = {
    type: 'postgres' as const,
    synchronize: false,
    migrationsRun: false,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    namingStrategy: new SnakeNamingStrategy(),
    entities,
    extra,
  };
  if (settings.DATABASE_REPLICA_URLS.length > 0) {
    return {
      ...base,
      replication: {
        master: { url: settings.DATABASE_URL },
        slaves: settings.DATABASE_REPLICA_URLS.map((url) => ({ url })),
      },
    };
  }
  return { ...base, url: settings.DATABASE_URL };
}
