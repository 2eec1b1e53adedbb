export * from './lib/authoring.routes';
export * from './lib/api/authoring.api';
export * from './lib/outline/outline-order';
export * from './lib/shared/guards';
export * from './lib/shared/icons';
