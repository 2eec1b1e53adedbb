import { TypeOrmModule } from '@nestjs/typeorm';
import type { EnvSchema } from '../config/env.schema';
import { dataSourceOptions } from './data-source-options';

/** Entities come from the domain modules' TypeOrmModule.forFeature calls. */
export function databaseModule(config: EnvSchema) {
  return TypeOrmModule.forRoot({ ...dataSourceOptions(config), autoLoadEntities: true });
}
