export * from './normalize';
export * from './similarity';
