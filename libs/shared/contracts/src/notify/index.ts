export * from './categories';
export * from './notification.response';
export * from './preferences.dto';
export * from './inbox.dto';
export * from './admin.dto';
