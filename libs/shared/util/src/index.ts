export * from './lib/nip';
