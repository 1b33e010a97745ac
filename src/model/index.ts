export * from './source';
export * from './semantic';
export * from './profile';
