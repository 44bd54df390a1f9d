export * from './errors';
export * from './auth';
export * from './units';
export * from './users';
export * from './audit';
export * from './health';
export * from './requests';
export * from './realtime';
