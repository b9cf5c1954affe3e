// Reads the CSV files that replay rate profiles name, relative to the document, so the kernel
// (which reads no files) gets them as RunOptions.rateSeries keyed by traffic-source id.
import { readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, resolve } from 'node:path';
import { ContractError, type Topology } from '../../src-preload/contract/index.js';
import type { RatePoint } from '../kernel/index.js';
import { MAX_RATE_CSV_BYTES, parseRateCsv } from './rate-csv.js';

export type RateSeries = Record<string, RatePoint[]>;

/** The replay files a document names, by traffic-source id. */
export function replayFiles(doc: Topology): Map<string, string> {
  const files = new Map<string, string>();
  for (const [id, node] of Object.entries(doc.nodes)) {
    if (node.kind === 'traffic-source' && node.rate.type === 'replay' && node.rate.file !== undefined) files.set(id, node.rate.file);
  }
  return files;
}

/**
 * Loads every replay file of the document. documentPath is where the document lives (its
 * folder anchors relative names); null for a document never saved, which may then only
 * carry inline points.
 */
export function loadRateSeries(doc: Topology, documentPath: string | null): RateSeries {
  const series: RateSeries = {};
  for (const [id, file] of replayFiles(doc)) {
    const where = `nodes.${id}.rate.file`;
    if (extname(file).toLowerCase() !== '.csv') throw new ContractError('BAD_REQUEST', `${file}: a replay rate series must be a .csv file`, where);
    if (!isAbsolute(file) && documentPath === null) {
      throw new ContractError('BAD_REQUEST', `${file}: save the document first, so the rate file can be found next to it (or give the points inline)`, where);
    }
    const path = isAbsolute(file) ? file : resolve(dirname(documentPath!), file);
    series[id] = parseRateCsv(readCsv(path, file, where), basename(file));
  }
  return series;
}

function readCsv(path: string, named: string, where: string): string {
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new ContractError('BAD_REQUEST', `${named} is not a file (${path})`, where);
    if (stat.size > MAX_RATE_CSV_BYTES) {
      throw new ContractError('TOO_LARGE', `${named} is larger than ${MAX_RATE_CSV_BYTES / 1048576} MB; rate series are limited to that`, where);
    }
    return readFileSync(path, 'utf8');
  } catch (err) {
    if (err instanceof ContractError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'does not exist' : (err as Error).message;
    throw new ContractError(code === 'ENOENT' ? 'NOT_FOUND' : 'BAD_REQUEST', `the rate series ${named} ${reason} (looked at ${path})`, where);
  }
}
