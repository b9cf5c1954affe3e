import { isCollection, isPair, isScalar, type Document, type LineCounter, type Node as YamlNode } from 'yaml';
import type { Finding, PathSegment, RawFinding } from '../../src-preload/contract/topology/index.js';
import { formatPath } from '../../src-preload/contract/topology/index.js';

/**
 * Finds the line and column of a path in the parsed YAML: the deepest node that exists
 * along it, so a missing field points at its parent mapping.
 */
export function locate(doc: Document, lines: LineCounter, path: readonly PathSegment[]): { line: number; column: number } | undefined {
  let node: unknown = doc.contents;
  let best: YamlNode | undefined = isCollection(node) || isScalar(node) ? node : undefined;
  for (const key of path) {
    if (!isCollection(node)) break;
    const pair = node.items.find((item, i) => (isPair(item) ? (isScalar(item.key) ? item.key.value === key : false) : i === key));
    if (pair === undefined) break;
    if (isPair(pair)) {
      node = pair.value ?? pair.key;
      const keyNode = pair.key;
      // A scalar value is pointed at itself; a mapping at its key, where people look.
      best = (isScalar(node) ? node : isScalar(keyNode) ? keyNode : best) as YamlNode | undefined;
    } else {
      node = pair;
      if (isCollection(pair) || isScalar(pair)) best = pair;
    }
  }
  const offset = best?.range?.[0];
  if (offset === undefined) return undefined;
  const pos = lines.linePos(offset);
  return { line: pos.line, column: pos.col };
}

export function placeFinding(raw: RawFinding, doc?: Document, lines?: LineCounter): Finding {
  const where = doc && lines ? locate(doc, lines, raw.path) : undefined;
  const finding: Finding = { severity: raw.severity, code: raw.code, path: formatPath(raw.path), message: raw.message };
  if (where) {
    finding.line = where.line;
    finding.column = where.column;
  }
  return finding;
}
