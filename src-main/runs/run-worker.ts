// A run's worker thread (built as its own entry, out/main/run-worker.js): builds the kernel
// run from workerData, drives it and posts batches of records to the run service in main.
// An exception here ends only this thread; main reports the run as failed.
import { parentPort, workerData } from 'node:worker_threads';
import { createRun } from '../kernel/index.js';
import { kernelModelsFromArtefacts } from '../ml/rl/run-models.js';
import { withLearningDetectors } from './learning-detectors.js';
import { RunDriver } from './run-driver.js';
import type { FromWorker, ToWorker, WorkerStart } from './worker-protocol.js';

const port = parentPort;
if (!port) throw new Error('run-worker.js runs only as a worker thread');
const start = workerData as WorkerStart;
const post = (message: FromWorker): void => port.postMessage(message);

// Detectors that learn online load TensorFlow.js first; main's messages wait in the port meanwhile.
const learning = start.models ? await withLearningDetectors(start.document, start.models, kernelModelsFromArtefacts(start.models)) : undefined;
const run = createRun(start.document, learning ? { ...start.options, models: learning.models } : start.options);
const began = performance.now();
post({ type: 'started', layout: run.seriesLayout });
const { mischief } = start;

// A batch every 100 ms: main stores each in one transaction, so ten commits a second per run.
const driver = new RunDriver(run, { speed: start.speed, batchIntervalMs: 100 }, {
  batch(records, progress) {
    if (mischief && progress.events >= mischief.afterEvents) {
      if (mischief.how === 'exit') process.exit(3);
      throw new Error(`the test asked this worker to fail after ${mischief.afterEvents} events`);
    }
    post({ type: 'batch', frames: records.frames, events: records.events, progress });
  },
});

port.on('message', (message: ToWorker) => {
  switch (message.type) {
    case 'pause':
      return driver.pause();
    case 'resume':
      return driver.resume();
    case 'step':
      return driver.step(message.events);
    case 'speed':
      return driver.setSpeed(message.speed);
    case 'inject':
    case 'deploy':
      try {
        if (message.type === 'inject') run.inject(message.fault);
        else run.deploy(message.deployment);
        return post({ type: 'reply', requestId: message.requestId });
      } catch (err) {
        // A target or fault type the kernel cannot act on, or a run that has just ended.
        return post({ type: 'reply', requestId: message.requestId, error: { code: 'BAD_REQUEST', message: (err as Error).message } });
      }
  }
});

driver.start().then(
  () => {
    learning?.dispose();
    const summary = run.summary();
    const progress = { simulatedMs: run.now, events: run.eventsProcessed, paused: false };
    // Main ends the thread once it has this message.
    post({ type: 'done', state: run.state, stopReason: run.stopReason, summary, progress, wallMs: performance.now() - began });
  },
  (err: unknown) => {
    // Uncaught on purpose: the Worker's 'error' event carries it to main.
    setImmediate(() => {
      throw err;
    });
  },
);
