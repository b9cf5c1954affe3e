import type { Finding } from '../findings.js';
import type { Topology, TopologyNode } from '../index.js';

export type PathSegment = string | number;

/** A finding whose place is still a list of segments, so the loader can find its line. */
export type RawFinding = Omit<Finding, 'path' | 'line' | 'column'> & { path: PathSegment[] };

export type Report = (severity: Finding['severity'], code: string, path: PathSegment[], message: string) => void;

/** One semantic rule: reads the document, reports what is wrong. */
export type Rule = (doc: Topology, report: Report) => void;

export const nodeEntries = (doc: Topology): [string, TopologyNode][] => Object.entries(doc.nodes);
