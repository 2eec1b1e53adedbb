/** `npm run seed`: migrates and seeds the demo data (idempotent). */
process.argv.push('--seed');
await import('./migrate.mjs');
