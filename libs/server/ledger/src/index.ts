export * from './lib/ledger.module';
// Used by the domains that credit hours (course completion, live attendance).
export { appendLedgerCredit, type LedgerCredit } from './lib/entries/append-entry';
