import { END_TO_END } from './series-select.js';

interface Props {
  nodes: readonly string[];
  kinds: Readonly<Record<string, string>>;
  picked: readonly string[];
  onChange(next: string[]): void;
}

/** Which nodes the charts show: end to end and any number of nodes, each a toggle. */
export function NodePicker({ nodes, kinds, picked, onChange }: Props): React.JSX.Element {
  const entries = [END_TO_END, ...nodes];
  const toggle = (id: string): void => onChange(picked.includes(id) ? picked.filter((p) => p !== id) : [...picked, id]);
  return (
    <div className="run-node-picker" role="group" aria-label="Nodes on the charts" data-testid="run-node-picker">
      {entries.map((id) => (
        <button
          key={id}
          type="button"
          className={picked.includes(id) ? 'chip on' : 'chip'}
          aria-pressed={picked.includes(id)}
          data-testid="run-node-pick"
          data-node={id}
          title={kinds[id] ?? (id === END_TO_END ? 'What the traffic sources see; resources and cost of all nodes' : undefined)}
          onClick={() => toggle(id)}
        >
          {id === END_TO_END ? 'End to end' : id}
        </button>
      ))}
    </div>
  );
}
