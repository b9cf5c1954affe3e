import { describe, expect, it } from 'vitest';
import { documentKeyAction } from '../../../src-renderer/src/app/document-keys.js';
import { nodeOfPath } from '../../../src-renderer/src/features/topology/node-of-path.js';
import { bundleKubernetes, documentFileName, exportTargetName } from '../../../src-renderer/src/stores/document-files.js';

describe('document file names', () => {
  it('saves as <stem>.devsim.yaml whatever the name was', () => {
    expect(documentFileName('shop.devsim.yaml')).toBe('shop.devsim.yaml');
    expect(documentFileName('stack.yml')).toBe('stack.devsim.yaml');
    expect(documentFileName('x.JSON')).toBe('x.devsim.yaml');
    expect(documentFileName('.yaml')).toBe('untitled.devsim.yaml');
  });

  it('suggests the usual export names, and a folder for Kubernetes', () => {
    expect(exportTargetName('compose', 'shop.devsim.yaml')).toBe('docker-compose.yml');
    expect(exportTargetName('prometheus', 'shop.devsim.yaml')).toBe('alert-rules.yml');
    expect(exportTargetName('k8s', 'shop.devsim.yaml')).toBe('shop-kubernetes');
  });

  it('bundles the Kustomize base into one multi-document YAML, without kustomization files or overlays', () => {
    const text = bundleKubernetes({
      'base/web/service.yaml': '# header\nkind: Service\n',
      'base/api/deployment.yaml': 'kind: Deployment\n\n',
      'base/kustomization.yaml': 'kind: Kustomization\n',
      'overlays/production/namespace.yaml': 'kind: Namespace\n',
    });
    expect(text).toBe('# Source: base/api/deployment.yaml\nkind: Deployment\n---\n# Source: base/web/service.yaml\n# header\nkind: Service\n');
  });
});

describe('finding paths', () => {
  it('names the node a path points into', () => {
    expect(nodeOfPath('nodes.api.scaling.maxReplicas')).toBe('api');
    expect(nodeOfPath('nodes.api')).toBe('api');
    expect(nodeOfPath('nodes.api[0]')).toBe('api');
    expect(nodeOfPath('nodes["Bad Id"].kind')).toBe('Bad Id');
    expect(nodeOfPath('nodes')).toBeNull();
    expect(nodeOfPath('nodesx.api')).toBeNull();
    expect(nodeOfPath('links[0].to')).toBeNull();
  });
});

describe('document shortcuts', () => {
  const key = (k: string, mods: { ctrl?: boolean; meta?: boolean; shift?: boolean; alt?: boolean } = {}) =>
    documentKeyAction({ key: k, ctrlKey: !!mods.ctrl, metaKey: !!mods.meta, shiftKey: !!mods.shift, altKey: !!mods.alt });
  it('Ctrl or ⌘ with N, O, S; Shift+S is Save As; anything else is not ours', () => {
    expect(key('n', { ctrl: true })).toBe('new');
    expect(key('o', { meta: true })).toBe('open');
    expect(key('s', { ctrl: true })).toBe('save');
    expect(key('S', { ctrl: true, shift: true })).toBe('saveAs');
    expect(key('s')).toBeNull();
    expect(key('s', { ctrl: true, alt: true })).toBeNull();
    expect(key('O', { ctrl: true, shift: true })).toBeNull();
    expect(key('1', { ctrl: true })).toBeNull();
  });
});
