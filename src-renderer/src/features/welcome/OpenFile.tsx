import { useId, useState, type ChangeEvent } from 'react';
import { useAppStore } from '../../stores/context.js';
import { FolderOpenIcon } from '../../ui/icons.js';

/** The path the OS gave for a picked file, where the runtime exposes one (browsers never do). */
const pathOf = (file: File): string | null => {
  const path = (file as File & { path?: unknown }).path;
  return typeof path === 'string' && path.length > 0 ? path : null;
};

export function OpenFile(): React.JSX.Element {
  const addRecent = useAppStore((s) => s.addRecent);
  const [note, setNote] = useState<string | null>(null);
  const inputId = useId();

  const onChange = (e: ChangeEvent<HTMLInputElement>): void => {
    const file = e.target.files?.[0];
    e.target.value = ''; // picking the same file again still fires change
    if (!file) return;
    const path = pathOf(file);
    if (path) {
      setNote(null);
      void addRecent(path);
    } else {
      setNote(`Picked “${file.name}”. This window cannot see where the file lives, so it was not added to recent documents; opening documents arrives with the topology editor.`);
    }
  };

  return (
    <section className="panel" aria-labelledby="open-title">
      <h2 id="open-title">Open</h2>
      <label htmlFor={inputId} className="button open-button">
        <FolderOpenIcon />
        Open a topology file…
      </label>
      <input id={inputId} className="visually-hidden" type="file" accept=".yaml,.yml" data-testid="open-file-input" onChange={onChange} />
      <p className="muted small">Topology documents end in <code>.devsim.yaml</code>.</p>
      {note ? (
        <p className="note" role="status" data-testid="open-file-note">
          {note}
        </p>
      ) : null}
    </section>
  );
}
