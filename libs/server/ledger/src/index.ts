export * from './lib/ledger.module';
// Used by the domains that credit hours (course completion, live attendance).
export { appendLedgerCredit, type LedgerCredit } from './lib/entries/append-entry';
// The Asia/Jakarta calendar date a credit made at a given moment counts for.
export { wibDate, wibYear } from './lib/wib-date';
