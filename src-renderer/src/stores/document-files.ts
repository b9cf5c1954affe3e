// File names for saves, downloads and exports: pure, so they are tested without a window.
import type { ExportResultDto } from '../../../src-preload/contract/index.js';

export type ExportFormat = 'compose' | 'k8s' | 'prometheus';

const DOCUMENT_SUFFIX = /(\.devsim)?\.(ya?ml|json)$/i;

/** "shop.yaml" → "shop.devsim.yaml"; names without a stem become "untitled.devsim.yaml". */
export function documentFileName(name: string): string {
  const stem = name.replace(DOCUMENT_SUFFIX, '').trim();
  return `${stem || 'untitled'}.devsim.yaml`;
}

/** What the save dialog suggests for an export: a file, or a folder name for Kubernetes. */
export function exportTargetName(format: ExportFormat, documentName: string): string {
  if (format === 'compose') return 'docker-compose.yml';
  if (format === 'prometheus') return 'alert-rules.yml';
  return `${documentName.replace(DOCUMENT_SUFFIX, '') || 'topology'}-kubernetes`;
}

export const KUBERNETES_BUNDLE = 'kubernetes.yaml';

/**
 * The Kustomize base as one multi-document YAML that `kubectl apply -f` takes: a browser
 * download cannot make folders. kustomization.yaml files are Kustomize's, not Kubernetes
 * objects, and the overlays only patch the base, so both are left out (and said so).
 */
export function bundleKubernetes(files: ExportResultDto['files']): string {
  const parts = Object.entries(files)
    .filter(([path]) => path.startsWith('base/') && !path.endsWith('/kustomization.yaml') && path !== 'base/kustomization.yaml')
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([path, text]) => `# Source: ${path}\n${text.trimEnd()}\n`);
  return parts.join('---\n');
}

export const FORMAT_LABELS: Record<ExportFormat, string> = {
  compose: 'docker-compose',
  k8s: 'Kubernetes',
  prometheus: 'Prometheus alert rules',
};
