// A small sound scenario for other libraries' tests.
export { sampleScenario } from './lib/testing/sample-scenario';
