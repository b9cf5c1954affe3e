import { useEffect, useRef } from 'react';
import type { Topology } from '../../../../src-preload/contract/index.js';
import { KindChip } from '../../ui/node-kinds.js';

/** Nodes grouped by kind, with their ids; then links by type and the groups. */
export function SummaryPanel({ document, highlight }: { document: Topology; highlight: string | null }): React.JSX.Element {
  const byKind = new Map<string, [string, Topology['nodes'][string]][]>();
  for (const entry of Object.entries(document.nodes)) {
    const list = byKind.get(entry[1].kind) ?? [];
    byKind.set(entry[1].kind, [...list, entry]);
  }
  const linkTypes = new Map<string, number>();
  for (const link of document.links) linkTypes.set(link.type, (linkTypes.get(link.type) ?? 0) + 1);
  const groups = Object.entries(document.groups);
  const highlighted = useRef<HTMLLIElement>(null);
  // Braces: Chromium's scrollIntoView now returns a promise, which React would take for a cleanup function.
  useEffect(() => {
    highlighted.current?.scrollIntoView({ block: 'nearest' });
  }, [highlight]);

  return (
    <section className="panel" aria-labelledby="summary-title" data-testid="summary">
      <h2 id="summary-title">Summary</h2>
      <p className="muted" data-testid="summary-counts">
        {Object.keys(document.nodes).length} nodes · {document.links.length} links · {groups.length} groups
      </p>
      <div className="kind-groups">
        {[...byKind].map(([kind, nodes]) => (
          <div key={kind} className="kind-group" data-testid={`kind-${kind}`}>
            <KindChip kind={kind} count={nodes.length} />
            <ul className="node-rows">
              {nodes.map(([id, node]) => (
                <li
                  key={id}
                  ref={id === highlight ? highlighted : undefined}
                  className={id === highlight ? 'node-row highlighted' : 'node-row'}
                  data-testid="node-row"
                  data-node={id}
                  aria-current={id === highlight ? 'true' : undefined}
                >
                  <span className="mono">{id}</span>
                  {node.label ? <span className="muted">{node.label}</span> : null}
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
      {linkTypes.size > 0 ? (
        <p className="muted small" data-testid="summary-links">
          Links: {[...linkTypes].map(([type, n]) => `${n} ${type}`).join(', ')}
        </p>
      ) : null}
      {groups.length > 0 ? (
        <p className="muted small" data-testid="summary-groups">
          Groups: {groups.map(([id, g]) => `${id} (${g.type}${g.provider ? `, ${g.provider}` : ''})`).join(', ')}
        </p>
      ) : null}
    </section>
  );
}
