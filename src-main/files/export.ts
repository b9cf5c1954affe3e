import type { Topology } from '../../src-preload/contract/topology/index.js';
import type { ExportNote } from './export-common.js';
import { exportCompose } from './export-compose.js';
import { exportKubernetes } from './export-k8s.js';
import { exportPrometheusRules } from './export-prometheus.js';

import { EXPORT_FORMATS } from '../../src-preload/contract/index.js';

export { EXPORT_FORMATS };
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportResult {
  /** Relative path (`/`-separated) → text. One file for compose and Prometheus, a tree for Kubernetes. */
  files: Record<string, string>;
  notes: ExportNote[];
  /** Whether the output is a folder (Kubernetes) or a single file. */
  folder: boolean;
}

/** The file name a single-file export gets by default. */
export const DEFAULT_FILE: Record<Exclude<ExportFormat, 'k8s'>, string> = {
  compose: 'docker-compose.yml',
  prometheus: 'alert-rules.yml',
};

/** One entry for every export the app and the CLI offer. */
export function exportDocument(doc: Topology, format: ExportFormat): ExportResult {
  switch (format) {
    case 'compose': {
      const { yaml, notes } = exportCompose(doc);
      return { files: { [DEFAULT_FILE.compose]: yaml }, notes, folder: false };
    }
    case 'prometheus': {
      const { yaml, notes } = exportPrometheusRules(doc);
      return { files: { [DEFAULT_FILE.prometheus]: yaml }, notes, folder: false };
    }
    case 'k8s': {
      const { files, notes } = exportKubernetes(doc);
      return { files, notes, folder: true };
    }
  }
}
