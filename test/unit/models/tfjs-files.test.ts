import { describe, expect, it } from 'vitest';
import { ContractError } from '../../../src-preload/contract/index.js';
import { fromTfjsFiles, toTfjsFiles } from '../../../src-main/models/tfjs-files.js';
import { baselineArtefact, networkArtefact, WEIGHT_SPECS } from './fixtures/artefact.js';

const refusal = (fn: () => unknown): ContractError => {
  try {
    fn();
  } catch (err) {
    if (err instanceof ContractError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
};

const withModelJson = (edit: (json: Record<string, unknown>) => void) => {
  const files = toTfjsFiles(networkArtefact());
  const json = JSON.parse(files.modelJson) as Record<string, unknown>;
  edit(json);
  return { ...files, modelJson: JSON.stringify(json) };
};

describe('model ⇄ tfjs files', () => {
  it('writes tfjs layers-model JSON with one weights.bin and the devsim artefact as metadata', () => {
    const artefact = networkArtefact();
    const files = toTfjsFiles(artefact);
    const json = JSON.parse(files.modelJson) as Record<string, unknown>;
    expect(json).toMatchObject({
      format: 'layers-model',
      convertedBy: null,
      modelTopology: artefact.tfjs!.modelTopology,
      weightsManifest: [{ paths: ['weights.bin'], weights: WEIGHT_SPECS }],
    });
    const { tfjs: _tfjs, ...devsim } = artefact;
    expect(json.userDefinedMetadata).toEqual({ devsim });
    expect(files.weightsBase64).toBe(artefact.tfjs!.weightsBase64);
  });

  it('reads back exactly the artefact it wrote, with and without a network', () => {
    expect(fromTfjsFiles(toTfjsFiles(networkArtefact()))).toEqual(networkArtefact());
    const baseline = toTfjsFiles(baselineArtefact());
    expect(JSON.parse(baseline.modelJson)).toMatchObject({ modelTopology: null, weightsManifest: [] });
    expect(baseline.weightsBase64).toBe('');
    expect(fromTfjsFiles(baseline)).toEqual(baselineArtefact());
  });

  it('reads several manifest groups in order as one run of weights', () => {
    const files = withModelJson((json) => {
      json.weightsManifest = [
        { paths: ['group1-shard1of1.bin'], weights: [WEIGHT_SPECS[0]] },
        { paths: ['group2-shard1of1.bin'], weights: [WEIGHT_SPECS[1]] },
      ];
    });
    expect(fromTfjsFiles(files).tfjs!.weightSpecs).toEqual(WEIGHT_SPECS);
  });

  it('refuses a file from another format version, naming formatVersion and the number found', () => {
    const error = refusal(() => fromTfjsFiles(withModelJson((json) => ((json.userDefinedMetadata as { devsim: { formatVersion: number } }).devsim.formatVersion = 2))));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.where).toBe('modelJson.userDefinedMetadata.devsim.formatVersion');
    expect(error.message).toMatch(/formatVersion: .*reads model format version 1; the file is format version 2/);
  });

  it('refuses text that is not JSON, a plain tfjs model without devsim metadata, and a graph model', () => {
    expect(refusal(() => fromTfjsFiles({ modelJson: '{"modelTopology":', weightsBase64: '' }))).toMatchObject({ where: 'modelJson', message: expect.stringMatching(/not JSON/) as string });
    expect(refusal(() => fromTfjsFiles(withModelJson((json) => delete json.userDefinedMetadata)))).toMatchObject({
      where: 'modelJson.userDefinedMetadata.devsim',
      message: expect.stringMatching(/only models exported by DevOps Simulator/) as string,
    });
    expect(refusal(() => fromTfjsFiles(withModelJson((json) => (json.format = 'graph-model'))))).toMatchObject({ where: 'modelJson.format' });
  });

  it('refuses a manifest or metadata the artefact schema does not accept, naming the field', () => {
    const badSpec = withModelJson((json) => ((json.weightsManifest as { weights: { dtype: string }[] }[])[0]!.weights[0]!.dtype = 'int32'));
    expect(refusal(() => fromTfjsFiles(badSpec)).message).toContain('model.tfjs.weightSpecs.0.dtype');
    const noManifest = withModelJson((json) => delete json.weightsManifest);
    expect(refusal(() => fromTfjsFiles(noManifest)).where).toBe('modelJson.weightsManifest');
    const badPurpose = withModelJson((json) => ((json.userDefinedMetadata as { devsim: { purpose: string } }).devsim.purpose = 'oracle'));
    expect(refusal(() => fromTfjsFiles(badPurpose)).message).toContain('model.purpose');
  });
});
