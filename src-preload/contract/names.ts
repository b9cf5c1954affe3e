// Method and event names, free of zod, so the sandboxed preload can list them
// without bundling the schemas. methods.ts and events.ts are checked against these.

export const METHOD_NAMES = [
  'appInfo',
  'healthCheck',
  'getSettings',
  'setSettings',
  'listRecent',
  'addRecent',
  'removeRecent',
  'clearRecent',
  'listTemplates',
  'newFromTemplate',
  'openDocument',
  'openDocumentText',
  'validateDocument',
  'saveDocument',
  'serializeDocument',
  'autosaveDocument',
  'listAutosaves',
  'discardAutosave',
  'exportDocument',
  'saveExport',
  'saveImage',
  'importCompose',
  'pickOpenPath',
  'pickSavePath',
  'startRun',
  'pauseRun',
  'resumeRun',
  'stepRun',
  'setRunSpeed',
  'cancelRun',
  'injectFault',
  'listRuns',
  'getRun',
  'getRunSeries',
  'getRunEvents',
  'deleteRun',
  'dockerStatus',
  'dockerConnect',
  'listContainers',
  'containerAction',
  'inspectContainer',
  'removeContainer',
  'removeContainers',
  'listImages',
  'removeImage',
  'pullImage',
  'cancelOperation',
  'startLogs',
  'stopLogs',
  'startStats',
  'stopStats',
  'planBringUp',
  'bringUp',
  'cancelBringUp',
  'tearDown',
  'listBringUps',
  'chaosAction',
  'listChaosEvents',
  'runChaosScenario',
  'cancelChaosScenario',
  'listModels',
  'getModel',
  'saveModel',
  'deleteModel',
  'exportModelFiles',
  'importModelFiles',
] as const;

export const EVENT_NAMES = [
  'settingsChanged',
  'recentChanged',
  'menuCommand',
  'runProgress',
  'runRecords',
  'runFinished',
  'dockerStatus',
  'containersChanged',
  'logChunk',
  'statsSample',
  'dockerStreamEnded',
  'operationProgress',
  'bringUpProgress',
  'chaosRecorded',
] as const;

export type MethodName = (typeof METHOD_NAMES)[number];
export type EventName = (typeof EVENT_NAMES)[number];

/** The Electron IPC channel that carries one method. */
export const methodChannel = (name: MethodName): string => `devsim:call:${name}`;
/** The Electron IPC channel that carries one event. */
export const eventChannel = (name: EventName): string => `devsim:event:${name}`;

/** Largest request payload either transport accepts, in bytes of JSON. */
export const MAX_PAYLOAD_BYTES = 4 * 1024 * 1024;
