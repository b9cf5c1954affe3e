import { useEffect, useRef } from 'react';

/** Lines shown at most; a document this long is better read in a text editor. */
const MAX_LINES = 5000;

/** The document's text, read-only, with line numbers; `line` is highlighted and scrolled to. */
export function SourceView({ text, line }: { text: string; line: number | null }): React.JSX.Element {
  const lines = text.split(/\r?\n/);
  const shown = lines.slice(0, MAX_LINES);
  const marked = useRef<HTMLLIElement>(null);
  // Braces: Chromium's scrollIntoView now returns a promise, which React would take for a cleanup function.
  useEffect(() => {
    marked.current?.scrollIntoView({ block: 'center' });
  }, [line]);
  return (
    <section className="panel" aria-label="Document text" data-testid="source">
      <h2>Text</h2>
      <ol className="source" aria-readonly="true">
        {shown.map((content, i) => (
          <li key={i} ref={i + 1 === line ? marked : undefined} className={i + 1 === line ? 'highlighted' : undefined} data-line={i + 1}>
            <span className="line-number" aria-hidden="true">
              {i + 1}
            </span>
            <code>{content || ' '}</code>
          </li>
        ))}
      </ol>
      {lines.length > MAX_LINES ? <p className="muted small">The first {MAX_LINES} of {lines.length} lines are shown.</p> : null}
    </section>
  );
}
