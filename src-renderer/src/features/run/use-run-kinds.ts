import { useMemo } from 'react';
import { useAppStore } from '../../stores/context.js';

/** The open document's node kinds by id (empty without a document). */
export function useRunKinds(): Readonly<Record<string, string>> {
  const document = useAppStore((s) => s.doc?.document ?? null);
  return useMemo(() => Object.fromEntries(Object.entries(document?.nodes ?? {}).map(([id, n]) => [id, n.kind as string])), [document]);
}
