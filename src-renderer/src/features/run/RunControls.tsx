import type { RunSpeed } from '../../../../src-preload/contract/index.js';
import { useAppStore } from '../../stores/context.js';
import { isFinal } from '../../stores/run-slice.js';

const SPEEDS: RunSpeed[] = ['max', 1, 10, 100, 1000, 10_000];
const speedLabel = (s: RunSpeed): string => (s === 'max' ? 'Max' : `${s.toLocaleString('en')}x`);
export const formatSeconds = (ms: number): string => {
  const s = ms / 1000;
  if (s < 120) return `${s.toFixed(1)} s`;
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = Math.floor(s % 60);
  return h > 0 ? `${h}h ${String(m).padStart(2, '0')}m ${String(sec).padStart(2, '0')}s` : `${m}m ${String(sec).padStart(2, '0')}s`;
};

/** Duration, seed, speed; Start, Pause/Resume, Step, Stop; and where the run is. */
export function RunControls(): React.JSX.Element {
  const doc = useAppStore((s) => s.doc)!;
  const settings = useAppStore((s) => s.runSettings);
  const run = useAppStore((s) => s.run);
  const busy = useAppStore((s) => s.runBusy);
  const error = useAppStore((s) => s.runError);
  const setRunSettings = useAppStore((s) => s.setRunSettings);
  const startRun = useAppStore((s) => s.startRun);
  const pauseRun = useAppStore((s) => s.pauseRun);
  const resumeRun = useAppStore((s) => s.resumeRun);
  const stepRun = useAppStore((s) => s.stepRun);
  const stopRun = useAppStore((s) => s.stopRun);
  const changeSpeed = useAppStore((s) => s.changeSpeed);
  const navigate = useAppStore((s) => s.navigate);

  const errors = doc.findings.filter((f) => f.severity === 'error').length;
  const scenario = doc.document?.scenario;
  const going = run !== null && !isFinal(run.state);
  const canStart = !going && busy === null && doc.document !== null && errors === 0;
  const percent = run ? Math.min(100, (run.simulatedMs / run.endMs) * 100) : 0;

  return (
    <div className="run-controls" data-testid="run-controls">
      <div className="run-fields">
        <label>
          Duration (s)
          <input
            type="number"
            min={1}
            data-testid="run-duration"
            placeholder={String(scenario?.durationS ?? '')}
            value={settings.durationS ?? ''}
            disabled={going}
            onChange={(e) => setRunSettings({ durationS: e.target.value === '' || !(Number(e.target.value) > 0) ? null : Number(e.target.value) })}
          />
        </label>
        <label>
          Seed
          <input
            type="number"
            min={0}
            step={1}
            data-testid="run-seed"
            placeholder={String(scenario?.seed ?? '')}
            value={settings.seed ?? ''}
            disabled={going}
            onChange={(e) => {
              const v = Number(e.target.value);
              setRunSettings({ seed: e.target.value === '' || !Number.isInteger(v) || v < 0 ? null : v });
            }}
          />
        </label>
        <label>
          Resolution (s)
          <input
            type="number"
            min={0.1}
            step="any"
            data-testid="run-resolution"
            title="Seconds between chart points"
            placeholder={String(doc.document?.settings?.monitoring?.scrapeIntervalS ?? '')}
            value={settings.seriesIntervalS ?? ''}
            disabled={going}
            onChange={(e) => setRunSettings({ seriesIntervalS: e.target.value === '' || !(Number(e.target.value) >= 0.1) ? null : Number(e.target.value) })}
          />
        </label>
        <label>
          Speed
          <select data-testid="run-speed" value={String(settings.speed)} onChange={(e) => void changeSpeed(e.target.value === 'max' ? 'max' : Number(e.target.value))}>
            {SPEEDS.map((s) => (
              <option key={String(s)} value={String(s)}>
                {speedLabel(s)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="run-buttons">
        <button type="button" className="primary" data-testid="run-start" disabled={!canStart} onClick={() => void startRun()}>
          Start
        </button>
        {run?.state === 'paused' ? (
          <button type="button" data-testid="run-resume" disabled={busy !== null} onClick={() => void resumeRun()}>
            Resume
          </button>
        ) : (
          <button type="button" data-testid="run-pause" disabled={!going || busy !== null} onClick={() => void pauseRun()}>
            Pause
          </button>
        )}
        <button type="button" data-testid="run-step" disabled={run?.state !== 'paused' || busy !== null} onClick={() => void stepRun(1)}>
          Step
        </button>
        <button type="button" data-testid="run-stop" disabled={!going || busy !== null} onClick={() => void stopRun()}>
          Stop
        </button>
        {busy ? <span className="muted small">{busy}</span> : null}
      </div>
      {errors > 0 ? (
        <p className="field-error" data-testid="run-blocked">
          This document has {errors} {errors === 1 ? 'error' : 'errors'}, so it cannot run.{' '}
          <button type="button" className="link" data-testid="run-blocked-link" onClick={() => navigate('topology')}>
            See the findings in Topology
          </button>
        </p>
      ) : null}
      {error ? (
        <p className="field-error" role="alert" data-testid="run-error">
          {error}
        </p>
      ) : null}
      {run ? (
        <div className="run-progress" data-testid="run-progress">
          <progress max={100} value={percent} aria-label="Simulated time" />
          <span data-testid="run-time" data-simulated-ms={run.simulatedMs}>
            {formatSeconds(run.simulatedMs)} / {formatSeconds(run.endMs)}
          </span>
          <span data-testid="run-rate">{Math.round(run.eventsPerSecond).toLocaleString('en')} events/s</span>
          <span data-testid="run-state" data-state={run.state}>
            {run.state}
            {run.stopReason ? `: ${run.stopReason}` : ''}
          </span>
        </div>
      ) : null}
    </div>
  );
}
