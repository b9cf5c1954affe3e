// Model artefacts: tfjs models ⇄ the contract's ModelArtefact (custom IOHandler), ⇄ tfjs
// files (model.json + weights.bin), and → the kernel's plain-JS forward pass.
export { networkToArtefact, artefactToNetwork, type ArtefactDescription } from './model-artefact.js';
export { parseArtefact, needsTfjs, ArtefactError } from './parse-artefact.js';
export { artefactToTfjsFiles, tfjsFilesToArtefact, WEIGHTS_FILE_NAME, type TfjsFiles } from './tfjs-files.js';
export { captureTfjs, loadTfjs } from './io-handler.js';
export { bytesToBase64, base64ToBytes } from './base64.js';
export { kernelNetworkFromArtefact, kernelNetworkFromTfjs } from './kernel-network.js';
export { kernelNetworkFromModel } from './kernel-from-model.js';
export { forecasterFromArtefact, stepForecasterFromArtefact, anomalyScorerFromArtefact, type StepForecaster } from './kernel-models.js';
