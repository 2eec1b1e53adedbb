export * from './attendance';
export * from './room-events';
export * from './room.dto';
export * from './sessions';
