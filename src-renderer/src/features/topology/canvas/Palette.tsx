import { LINK_TYPES, type LinkType, type NodeKind } from '../../../../../src-preload/contract/index.js';
import { PALETTE_KINDS } from '../../../stores/topology-edits.js';
import { kindInfo } from '../../../ui/node-kinds.js';

/** The drag payload type a palette item carries onto the canvas. */
export const PALETTE_MIME = 'application/x-devsim-kind';

interface Props {
  /** A click: add a node of this kind in the middle of the view. */
  onPick(kind: NodeKind): void;
  /** The type new links get; null: the usual one for the two kinds (call, publish/consume with Kafka, …). */
  linkType: LinkType | null;
  onLinkType(type: LinkType | null): void;
}

/** Every node kind with its icon: drag one onto the canvas, or click it. */
export function Palette({ onPick, linkType, onLinkType }: Props): React.JSX.Element {
  return (
    <div className="canvas-palette" data-testid="palette" role="toolbar" aria-label="Add a node">
      {PALETTE_KINDS.map((kind) => {
        const { label, Icon } = kindInfo(kind);
        return (
          <button
            key={kind}
            type="button"
            className="canvas-palette-item"
            data-testid="palette-item"
            data-kind={kind}
            title={`Add ${label} (drag onto the canvas or click)`}
            draggable
            onDragStart={(e) => {
              e.dataTransfer.setData(PALETTE_MIME, kind);
              e.dataTransfer.effectAllowed = 'copy';
            }}
            onClick={() => onPick(kind)}
          >
            <Icon size={16} />
            <span>{label}</span>
          </button>
        );
      })}
      <label className="canvas-palette-link">
        <span className="muted small">New links</span>
        <select data-testid="link-type" value={linkType ?? ''} onChange={(e) => onLinkType(e.target.value === '' ? null : (e.target.value as LinkType))}>
          <option value="">by kinds</option>
          {LINK_TYPES.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
