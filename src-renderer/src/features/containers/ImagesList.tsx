import { useState } from 'react';
import { useAppStore } from '../../stores/context.js';

const size = (bytes: number): string => (bytes >= 1e9 ? `${(bytes / 1e9).toFixed(1)} GB` : `${(bytes / 1e6).toFixed(1)} MB`);

/** Images on the engine; removing one asks first. */
export function ImagesList(): React.JSX.Element {
  const images = useAppStore((s) => s.images);
  const remove = useAppStore((s) => s.removeImage);
  const [confirming, setConfirming] = useState<string | null>(null);
  return (
    <section className="panel" aria-label="Images" data-testid="images-list">
      <h2>Images ({images?.length ?? 0})</h2>
      <table className="containers-table">
        <thead>
          <tr>
            <th>Tags</th>
            <th>Size</th>
            <th>Containers</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {(images ?? []).map((image) => {
            const ref = image.tags[0] ?? image.id;
            return (
              <tr key={image.id} data-testid="image-row">
                <td className="mono">{image.tags.length > 0 ? image.tags.join(', ') : image.id.slice(0, 19)}</td>
                <td>{size(image.sizeBytes)}</td>
                <td>{image.containers >= 0 ? image.containers : '–'}</td>
                <td>
                  <div className="row-actions">
                  {confirming === image.id ? (
                    <>
                      <button type="button" className="button small danger" onClick={() => void remove(ref).then(() => setConfirming(null))}>
                        Remove {ref}
                      </button>
                      <button type="button" className="button small ghost" onClick={() => setConfirming(null)}>
                        Keep
                      </button>
                    </>
                  ) : (
                    <button type="button" className="button small ghost" onClick={() => setConfirming(image.id)}>
                      Remove…
                    </button>
                  )}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
