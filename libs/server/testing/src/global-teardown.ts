import { dropDatabase, withAdmin } from './lib/admin-db';
import { TEMPLATE_ENV } from './lib/test-env';

export default async function globalTeardown(): Promise<void> {
  const name = process.env[TEMPLATE_ENV];
  if (name) await withAdmin((c) => dropDatabase(c, name));
}
