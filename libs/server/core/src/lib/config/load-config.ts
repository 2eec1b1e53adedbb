import { plainToInstance } from 'class-transformer';
import { type ValidationError, validateSync } from 'class-validator';
import { EnvSchema } from './env.schema';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function describe(errors: ValidationError[], raw: Record<string, string>): string[] {
  return errors.flatMap((e) => {
    // Show what the operator wrote, not the coerced value (PORT=eighty, not NaN).
    const shown = /PASSWORD|SECRET/.test(e.property)
      ? '(hidden)'
      : e.property in raw
        ? JSON.stringify(raw[e.property])
        : '(not set)';
    return Object.values(e.constraints ?? {}).map(
      (msg) => `${e.property}=${shown}: ${msg.replace(new RegExp(`^${e.property} `), '')}`,
    );
  });
}

/** Reads and validates the environment; throws a ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): EnvSchema {
  const known = Object.keys(new EnvSchemaProbe());
  const input: Record<string, string> = {};
  for (const key of known) {
    const v = env[key];
    if (v !== undefined && v !== '') input[key] = v;
  }
  const config = plainToInstance(EnvSchema, input, { exposeDefaultValues: true });
  const errors = validateSync(config, { skipMissingProperties: false });
  if (errors.length > 0) throw new ConfigError(describe(errors, input));
  return config;
}

/** Instantiating the schema lists its properties (those with defaults) plus the required ones. */
class EnvSchemaProbe extends EnvSchema {
  constructor() {
    super();
    this.JWT_SECRET = '';
  }
}
