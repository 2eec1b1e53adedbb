export * from './lib/api/authoring.api';
export * from './lib/outline/outline-order';
