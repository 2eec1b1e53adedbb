export * from './catalog';
export * from './common';
export * from './identity';
export * from './jobs';
export * from './assessment';
export * from './progress';
export * from './live';
export * from './notify';
