import { Global, Module } from '@nestjs/common';
import { EnvSchema } from './env.schema';
import { loadConfig } from './load-config';

/** Makes the validated config injectable as `EnvSchema`; tests pass their own object. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: EnvSchema = loadConfig()) {
    return {
      module: ConfigModule,
      providers: [{ provide: EnvSchema, useValue: config }],
      exports: [EnvSchema],
    };
  }
}
