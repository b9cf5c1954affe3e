import type { Finding, Topology } from '../../../../../src-preload/contract/index.js';
import { kindInfo } from '../../../ui/node-kinds.js';
import { FindingsPanel } from '../FindingsPanel.js';
import { nodeOfPath } from '../node-of-path.js';

interface Props {
  document: Topology;
  id: string;
  findings: Finding[];
  selected: Finding | null;
  onSelectFinding(finding: Finding): void;
}

const text = (v: unknown): string | null => (typeof v === 'string' || typeof v === 'number' ? String(v) : null);

/** The selected node, read-only: what it is, where it runs, and what validation says about it. */
export function NodeInspector({ document, id, findings, selected, onSelectFinding }: Props): React.JSX.Element | null {
  const node = document.nodes[id];
  if (!node) return null;
  const fields = node as Record<string, unknown>;
  const group = node.group !== undefined ? (document.groups[node.group]?.label ?? node.group) : null;
  const rows: [string, string | null][] = [
    ['Id', id],
    ['Kind', kindInfo(node.kind).label],
    ['Label', node.label ?? null],
    ['Runs in', group],
    ['Image', text(fields['image'])],
    ['Replicas', text(fields['replicas'])],
    ['Links', String(document.links.filter((l) => l.from === id || l.to === id).length)],
    ['Position', node.position ? `${node.position.x}, ${node.position.y}` : 'laid out automatically'],
  ];
  return (
    <>
      <section className="panel node-inspector" aria-label="Selected node" data-testid="node-inspector">
        <div className="panel-header">
          <h2>{node.label ?? id}</h2>
        </div>
        <dl className="inspector-fields">
          {rows
            .filter((r): r is [string, string] => r[1] !== null)
            .map(([k, v]) => (
              <div key={k}>
                <dt>{k}</dt>
                <dd className={k === 'Id' || k === 'Image' ? 'mono' : undefined} data-testid={`inspector-${k.toLowerCase().replace(' ', '-')}`}>
                  {v}
                </dd>
              </div>
            ))}
        </dl>
      </section>
      <FindingsPanel
        findings={findings.filter((f) => nodeOfPath(f.path) === id)}
        selected={selected}
        onSelect={onSelectFinding}
        title={`Findings for ${id}`}
        testId="node-findings"
      />
    </>
  );
}
