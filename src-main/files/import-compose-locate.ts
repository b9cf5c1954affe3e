import { type Document, type LineCounter, type Node, isAlias, isMap, isNode, isPair, isScalar, isSeq } from 'yaml';
import type { PathKey } from './finding.js';

export interface Position {
  line: number;
  column: number;
}

/** Follows aliases to the node they name; gives up on cycles or dangling aliases. */
function resolve(doc: Document, node: unknown): Node | undefined {
  let at: unknown = node;
  for (let hops = 0; isAlias(at) && hops < 32; hops++) at = at.resolve(doc);
  return isNode(at) && !isAlias(at) ? at : undefined;
}

const isMergeKey = (key: unknown): boolean => isScalar(key) && (typeof key.value === 'symbol' || key.source === '<<');

interface Child {
  /** The value, to walk further. */
  node: Node | undefined;
  /** Where to point a person: the key that names the field. */
  at: Node | undefined;
}

interface MapIndex {
  entries: Map<string, Child>;
  merges: unknown[];
}

// Built once per mapping: a file with thousands of services and a finding in each would
// otherwise scan the services mapping once per finding.
const indexes = new WeakMap<Node, MapIndex>();

function indexOf(doc: Document, map: Node & { items: unknown[] }): MapIndex {
  let index = indexes.get(map);
  if (index) return index;
  index = { entries: new Map(), merges: [] };
  for (const pair of map.items) {
    if (!isPair(pair)) continue;
    if (isMergeKey(pair.key)) index.merges.push(pair.value);
    else {
      const name = String(isScalar(pair.key) ? pair.key.value : pair.key);
      const keyNode = isNode(pair.key) ? pair.key : undefined;
      if (!index.entries.has(name)) index.entries.set(name, { node: resolve(doc, pair.value), at: keyNode ?? resolve(doc, pair.value) });
    }
  }
  indexes.set(map, index);
  return index;
}

/** The entry under `key` in a map, looking into `<<` merges as Compose does. */
function childOf(doc: Document, map: Node, key: PathKey, depth: number): Child | undefined {
  if (!isMap(map) || depth > 16) return undefined;
  const { entries, merges } = indexOf(doc, map);
  const own = entries.get(String(key));
  if (own) return own;
  for (const merge of merges) {
    const sources = isSeq(merge) ? merge.items : [merge];
    for (const source of sources) {
      const target = resolve(doc, source);
      const found = target ? childOf(doc, target, key, depth + 1) : undefined;
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * The line and column of the field at `path` (its key in a mapping, the item in a list), or
 * of the nearest ancestor that exists in the text (a value built from a merge or a default
 * has no place of its own).
 */
export function locate(doc: Document, lines: LineCounter, path: readonly PathKey[]): Position | undefined {
  let node = resolve(doc, doc.contents);
  let best = node;
  for (const key of path) {
    if (!node) break;
    let next: Child | undefined;
    if (isSeq(node) && typeof key === 'number') {
      const item = resolve(doc, node.items[key]);
      next = { node: item, at: item };
    } else next = childOf(doc, node, key, 0);
    if (!next?.at) break;
    best = next.at;
    node = next.node;
  }
  const offset = best?.range?.[0];
  if (offset === undefined) return undefined;
  const { line, col } = lines.linePos(offset);
  return { line, column: col };
}
