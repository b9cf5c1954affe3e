export * from './names.js';
export * from './errors.js';
export * from './settings.js';
export * from './methods.js';
export * from './events.js';
export * from './wire.js';
export * from './api.js';
