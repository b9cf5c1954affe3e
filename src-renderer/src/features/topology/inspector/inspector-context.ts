import { createContext, useContext } from 'react';
import type { Finding } from '../../../../../src-preload/contract/index.js';
import type { FieldIssue, FieldPath } from '../../../stores/field-edits.js';

/** What every field of one inspector form needs: how to edit, and the findings placed at it. */
export interface InspectorContextValue {
  set(path: FieldPath, value: unknown): FieldIssue[];
  unset(path: FieldPath): FieldIssue[];
  /** The validator's findings shown at the field with this formatted path. */
  findingsAt(path: string): readonly Finding[];
  /** How many findings are at or inside a section, so a closed one still shows them. */
  countWithin(path: string): number;
  /** The ids a reference field may name (a choice), or null for free text. */
  choicesFor(path: FieldPath): string[] | null;
}

export const InspectorContext = createContext<InspectorContextValue>({ set: () => [], unset: () => [], findingsAt: () => [], countWithin: () => 0, choicesFor: () => null });

export const useInspector = (): InspectorContextValue => useContext(InspectorContext);
