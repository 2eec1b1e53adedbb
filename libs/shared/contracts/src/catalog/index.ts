export * from './authoring.dto';
export * from './authoring.response';
export * from './catalog.dto';
export * from './catalog.response';
export * from './enums';
export * from './files.response';
export * from './lesson-content';
export * from './progress.dto';
