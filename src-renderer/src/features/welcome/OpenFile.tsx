import { useId, type ChangeEvent } from 'react';
import { readText } from '../../platform/browser-files.js';
import { DOCUMENT_FILES } from '../../stores/document-slice.js';
import { useAppStore } from '../../stores/context.js';
import { FolderOpenIcon, ImportIcon } from '../../ui/icons.js';

/** Reads the picked file and hands its name and text (null: not UTF-8) on; the input is reset so the same file fires again. */
const readPicked =
  (use: (name: string, text: string | null) => Promise<void>) =>
  (e: ChangeEvent<HTMLInputElement>): void => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (file) void readText(file).then((text) => use(file.name, text));
  };

export function OpenFile(): React.JSX.Element {
  const desktop = useAppStore((s) => s.appInfo?.mode === 'desktop');
  const open = useAppStore((s) => s.open);
  const openText = useAppStore((s) => s.openText);
  const importText = useAppStore((s) => s.importComposeText);
  const openId = useId();
  const importId = useId();

  return (
    <section className="panel" aria-labelledby="open-title">
      <h2 id="open-title">Open</h2>
      {desktop ? (
        <button type="button" className="button open-button" onClick={() => void open()} data-testid="open-file-button">
          <FolderOpenIcon />
          Open a topology file…
        </button>
      ) : (
        <>
          <label htmlFor={openId} className="button open-button">
            <FolderOpenIcon />
            Open a topology file…
          </label>
          <input id={openId} className="visually-hidden" type="file" accept={DOCUMENT_FILES} data-testid="open-file-input" onChange={readPicked(openText)} />
        </>
      )}
      <label htmlFor={importId} className="button open-button">
        <ImportIcon />
        Import docker-compose…
      </label>
      <input id={importId} className="visually-hidden" type="file" accept=".yml,.yaml" data-testid="import-compose-input" onChange={readPicked(importText)} />
      <p className="muted small">
        Topology documents end in <code>.devsim.yaml</code>. An imported Compose file becomes a new document.
      </p>
    </section>
  );
}
