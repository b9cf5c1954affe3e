import { useAppStore } from '../../stores/context.js';

/** Which TensorFlow.js backend trains here, and why a faster one was passed over. */
export function BackendStatus(): React.JSX.Element {
  const b = useAppStore((s) => s.mlBackend);
  const text =
    b.state === 'ready'
      ? `TensorFlow.js runs on ${b.backend === 'wasm' ? 'WebAssembly (wasm)' : 'plain JavaScript (cpu)'} in a Web Worker.`
      : b.state === 'failed'
        ? `No TensorFlow.js backend could start: ${b.error ?? 'no reason given'}`
        : 'Starting TensorFlow.js in a Web Worker…';
  return (
    <div className="ml-backend" data-testid="ml-backend" data-state={b.state} data-backend={b.backend ?? ''}>
      <p className={b.state === 'failed' ? 'field-error' : 'muted'} role={b.state === 'failed' ? 'alert' : 'status'}>
        {text}
      </p>
      {b.fallbacks.length > 0 ? (
        <p className="muted small" data-testid="ml-backend-fallbacks">
          Slower than it could be: {b.fallbacks.join('; ')}
        </p>
      ) : null}
    </div>
  );
}
