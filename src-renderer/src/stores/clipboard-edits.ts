import { z } from 'zod';
import { idSchema, linkSchema, nodeSchema, type Link, type Topology, type TopologyNode } from '../../../src-preload/contract/index.js';
import type { Point } from './topology-edits.js';

/** Copied nodes (each at the position it was drawn at) and the links among them. */
export interface Clipboard {
  nodes: Record<string, TopologyNode>;
  links: Link[];
}

/** The system clipboard's form of a copy (YAML text), checked as the document's own nodes and links are. */
export const clipboardSchema = z.object({ nodes: z.record(idSchema, nodeSchema), links: z.array(linkSchema).default([]) }).strict();

/** How far a paste without a pointer lands from the originals, so the copies do not hide them. */
export const PASTE_OFFSET = 32;

/** The nodes `ids` at their drawn positions and every link with both ends among them; null when none is a node. */
export function copyNodes(doc: Topology, ids: Iterable<string>, drawnAt: ReadonlyMap<string, Point>): Clipboard | null {
  const picked = new Set([...ids].filter((id) => id in doc.nodes));
  if (picked.size === 0) return null;
  const nodes: Record<string, TopologyNode> = {};
  for (const id of picked) {
    const node = doc.nodes[id]!;
    const at = drawnAt.get(id) ?? node.position;
    nodes[id] = at ? { ...node, position: { x: at.x, y: at.y } } : node;
  }
  const links = doc.links.filter((l) => picked.has(l.from) && picked.has(l.to));
  return { nodes, links };
}

/** A free id for a copy of `id`: its stem (without a trailing `-N`) and the first free number from 2. */
export function freshCopyId(id: string, taken: (id: string) => boolean): string {
  const stem = id.replace(/-\d+$/, '').slice(0, 56).replace(/-+$/, '') || 'node';
  for (let n = 2; ; n++) if (!taken(`${stem}-${n}`)) return `${stem}-${n}`;
}

/** Where the copies go: shifted by `offset`, or with the copied block's top-left corner `at` a point (the pointer). */
export type PastePlace = { offset: Point } | { at: Point };

/**
 * The document with copies of the clipboard's nodes under fresh ids and its links remapped to
 * them. A copy goes in the group `groupAt` finds where it lands (pasted at the pointer, as a drop
 * would); without it, it keeps its group while that group exists. Returns the new ids in clipboard order.
 */
export function pasteNodes(doc: Topology, clip: Clipboard, place: PastePlace, groupAt?: (topLeft: Point) => string | null): { doc: Topology; ids: string[] } {
  const entries = Object.entries(clip.nodes);
  if (entries.length === 0) return { doc, ids: [] };
  const positions = entries.map(([, n]) => n.position ?? { x: 0, y: 0 });
  const shift =
    'offset' in place
      ? place.offset
      : { x: place.at.x - Math.min(...positions.map((p) => p.x)), y: place.at.y - Math.min(...positions.map((p) => p.y)) };
  const nodes = { ...doc.nodes };
  const rename = new Map<string, string>();
  const taken = (id: string): boolean => id in nodes || id in doc.groups;
  entries.forEach(([id, node], i) => {
    const fresh = freshCopyId(id, taken);
    rename.set(id, fresh);
    const p = positions[i]!;
    const at = { x: Math.round(p.x + shift.x), y: Math.round(p.y + shift.y) };
    const { group: old, ...rest } = node;
    const group = groupAt ? groupAt(at) : old !== undefined && old in doc.groups ? old : null;
    nodes[fresh] = { ...rest, ...(group !== null && group in doc.groups ? { group } : {}), position: at } as TopologyNode;
  });
  const links = clip.links.flatMap((l) => {
    const from = rename.get(l.from);
    const to = rename.get(l.to);
    return from !== undefined && to !== undefined ? [{ ...l, from, to }] : [];
  });
  return { doc: { ...doc, nodes, links: [...doc.links, ...links] }, ids: [...rename.values()] };
}
