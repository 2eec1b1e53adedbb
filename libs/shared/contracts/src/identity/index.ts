export * from './auth.dto';
export * from './enums';
export * from './org-unit.dto';
export * from './user-import';
export * from './user.dto';
export * from './user.response';
