import { stringify } from 'yaml';
import type { Topology } from '../../src-preload/contract/index.js';

/**
 * The YAML a document is saved as: stable key order (as the schema defines it), no
 * aliases, long lines kept whole so diffs stay readable.
 */
export function serializeDocument(doc: Topology): string {
  return stringify(doc, { aliasDuplicateObjects: false, lineWidth: 0, indent: 2 });
}
