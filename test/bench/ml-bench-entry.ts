// What test/bench/ml-bench.mjs needs, bundled as one module so tfjs is loaded once
// (separately bundled modules would each get their own tfjs and backend).
export { useNodeMlBackend } from '../../src-main/models/ml-backend.js';
export * from '../../src-main/ml/models/index.js';
export * from '../../src-main/ml/artefact/index.js';
