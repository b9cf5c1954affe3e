import { useState } from 'react';
import { useAppStore } from '../../stores/context.js';

const SPEEDS = [1, 10, 60, 600] as const;

/** Plays the document's planned faults on its real containers, at a chosen speed. */
export function ScenarioChaos(): React.JSX.Element {
  const faults = useAppStore((s) => s.doc?.document?.scenario.faults.length ?? 0);
  const scenario = useAppStore((s) => s.scenario);
  const play = useAppStore((s) => s.playScenario);
  const cancel = useAppStore((s) => s.cancelScenario);
  const [speed, setSpeed] = useState<number>(1);
  const running = scenario?.state === 'running';
  return (
    <div className="scenario-chaos" data-testid="scenario-chaos" data-state={scenario?.state ?? 'idle'}>
      <div className="row-actions">
        <button type="button" className="button" disabled={faults === 0 || running} onClick={() => void play(speed)} data-testid="scenario-play">
          Play the scenario's {faults} fault(s) on the containers
        </button>
        <label>
          at{' '}
          <select value={speed} onChange={(e) => setSpeed(Number(e.target.value))} aria-label="Scenario speed" data-testid="scenario-speed">
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {s}× speed
              </option>
            ))}
          </select>
        </label>
        {running ? (
          <button type="button" className="button small" onClick={() => void cancel()} data-testid="scenario-cancel">
            Stop
          </button>
        ) : null}
      </div>
      {scenario?.error ? <p className="field-error" role="alert">{scenario.error}</p> : null}
      {scenario && scenario.notes.length > 0 ? (
        <ul className="muted" data-testid="scenario-notes">
          {scenario.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
