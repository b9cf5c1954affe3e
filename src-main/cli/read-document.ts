import { readFileSync } from 'node:fs';
import type { Topology } from '../../src-preload/contract/topology/index.js';
import { formatFinding } from './commands/validate.js';
import type { CliIo } from './command.js';
import { loadDocument } from '../documents/load-document.js';

/** Reads and loads a document for a command; prints its findings; undefined when it has errors. */
export function readDocumentForCommand(file: string, io: CliIo): Topology | undefined {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    io.err(`${file}: cannot read it: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}\n`);
    return undefined;
  }
  const { document, findings } = loadDocument(bytes, file);
  const errors = findings.filter((f) => f.severity === 'error');
  for (const f of errors) io.err(`${formatFinding(file, f)}\n`);
  if (errors.length > 0 || !document) {
    io.err(`${file}: has errors; fix them first (devsim validate ${file}).\n`);
    return undefined;
  }
  return document;
}
