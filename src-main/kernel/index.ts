// The simulation kernel (issue 4): pure TypeScript, ES libs only, so it also runs in a
// renderer Web Worker. It may import only the contract and itself.
export const KERNEL_API_VERSION = 1;
export * from './engine/index.js';
export * from './autoscaling/index.js';
export * from './stats/index.js';
export * from './core/index.js';
