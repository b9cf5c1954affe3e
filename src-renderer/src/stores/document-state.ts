import type { Autosave, ExportResultDto, Finding, OpenedDocument, Topology } from '../../../src-preload/contract/index.js';
import type { ExportFormat } from './document-files.js';

/** The open document as the app holds it: what the host sent, plus what happened since. */
export interface OpenDocument extends OpenedDocument {
  /** Changes not written to a file yet (a new document from a template or an import counts). */
  dirty: boolean;
  /** The autosave slot: the path, or `untitled:<id>` until the document has one. */
  key: string;
  /** Counts edits; autosave compares it with the revision it wrote last. */
  revision: number;
  autosavedRevision: number | null;
  autosavedAt: string | null;
  autosaveError: string | null;
}

export interface ImportReport {
  name: string;
  findings: Finding[];
  unmapped: { path: string; reason: string }[];
  /** Whether the file became the open document (false: it was not valid Compose). */
  opened: boolean;
}

export interface ExportReport {
  format: ExportFormat;
  notes: ExportResultDto['notes'];
  /** Paths written (desktop) or files downloaded (browser). */
  files: string[];
  /** Browser Kubernetes export: the base bundled into one file, overlays left out. */
  bundled: boolean;
}

export type MetadataPatch = Partial<Pick<Topology['metadata'], 'name' | 'description' | 'environment'>>;

export function fresh(opened: OpenedDocument, dirty: boolean, key: string): OpenDocument {
  return { ...opened, dirty, key, revision: 0, autosavedRevision: null, autosavedAt: null, autosaveError: null };
}

export type RecoveryEntry = Autosave;
