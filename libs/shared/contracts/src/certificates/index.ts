export * from './certificates';
export * from './templates';
export * from './exports';
export * from './routes';
