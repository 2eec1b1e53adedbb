export * from './lib/ledger.module';
