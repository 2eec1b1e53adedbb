export * from './completion';
export * from './ledger';
export * from './reporting';
