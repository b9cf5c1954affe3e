export * from './simulator.js';
export * from './random.js';
export * from './distributions.js';
export * from './pacer.js';
export { EventQueue } from './event-queue.js';
