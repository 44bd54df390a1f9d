export * from './roles';
export * from './personal-data';
