export * from './lib/simulation.module';
