export * from './survey.dto';
export * from './survey.response';
export * from './learning-gain.response';
export * from './indicator.dto';
export * from './indicator.response';
export * from './programme.response';
export * from './follow-up';
