// The HTTP API contract, shared by the server (validation, OpenAPI) and every client.
export * from './common';
export * from './safe-text';
export * from './auth';
export * from './admin';
export * from './uploads';
export * from './images';
export * from './taken-at';
export * from './trash';
export * from './albums';
export * from './tags';
export * from './client-config';
export * from '../errors';
export * from '../media-types';
