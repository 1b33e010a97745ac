export * from './source';
export * from './semantic';
export * from './profile';
export * from './join';
export * from './graph';
export * from './report';
