import { Panel } from '@xyflow/react';
import { memo } from 'react';
import { MenuButton } from '../../../ui/MenuButton.js';
import { ALIGNMENTS, MIN_ALIGN, MIN_DISTRIBUTE } from './arrange.js';
import { shortcutOf, type CanvasAction } from './shortcuts.js';

const ALIGN_LABELS = { left: 'Left edges', center: 'Centres', right: 'Right edges', top: 'Top edges', middle: 'Middles', bottom: 'Bottom edges' } as const;

interface Props {
  /** How many nodes are selected: align needs 2, distribute 3. */
  selected: number;
  /** True while the auto-layout runs. */
  layingOut: boolean;
  onAction(action: CanvasAction): void;
}

/** Arrange the selection, lay out the whole diagram, list the shortcuts: the canvas's own tools (memoised: the canvas re-renders on every drag tick). */
export const CanvasToolbar = memo(function CanvasToolbar({ selected, layingOut, onAction }: Props): React.JSX.Element {
  const tip = (what: string, action: CanvasAction): string => `${what} (${shortcutOf(action)})`;
  return (
    <Panel position="top-right" className="canvas-toolbar" data-testid="canvas-toolbar">
      <MenuButton
        testId="align-menu"
        disabled={selected < MIN_ALIGN}
        label="Align"
        items={ALIGNMENTS.map((a) => ({ id: a, label: ALIGN_LABELS[a], detail: shortcutOf(`align-${a}`), onSelect: () => onAction(`align-${a}`) }))}
      />
      <button
        type="button"
        className="button"
        disabled={selected < MIN_DISTRIBUTE}
        title={tip('Distribute horizontally', 'distribute-horizontal')}
        data-testid="distribute-horizontal"
        onClick={() => onAction('distribute-horizontal')}
      >
        ↔ Distribute
      </button>
      <button
        type="button"
        className="button"
        disabled={selected < MIN_DISTRIBUTE}
        title={tip('Distribute vertically', 'distribute-vertical')}
        data-testid="distribute-vertical"
        onClick={() => onAction('distribute-vertical')}
      >
        ↕ Distribute
      </button>
      <button type="button" className="button" disabled={layingOut} title={tip('Auto-layout', 'auto-layout')} data-testid="auto-layout" onClick={() => onAction('auto-layout')}>
        {layingOut ? 'Laying out…' : 'Auto-layout'}
      </button>
      <button type="button" className="button" title={tip('Keyboard shortcuts', 'help')} aria-label="Keyboard shortcuts" data-testid="shortcuts-button" onClick={() => onAction('help')}>
        ?
      </button>
    </Panel>
  );
});
