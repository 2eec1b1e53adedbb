export * from './lib/bar-chart.component';
