/** The field's own input before its reset button. */
const CONTROLS = 'input, select, textarea';
const HIGHLIGHT_MS = 2500;

/**
 * Brings a field into view for a person coming from a finding: opens the sections around it,
 * scrolls to it, focuses its input (a section: its summary) and highlights it for a moment.
 */
export function focusFieldElement(el: HTMLElement): void {
  for (let d = el.closest('details'); d !== null; d = d.parentElement?.closest('details') ?? null) d.open = true;
  if (el instanceof HTMLDetailsElement) el.open = true;
  el.scrollIntoView({ block: 'center' });
  const target = el instanceof HTMLDetailsElement ? el.querySelector('summary') : (el.querySelector<HTMLElement>(CONTROLS) ?? el.querySelector<HTMLElement>('button'));
  (target ?? el).focus({ preventScroll: true });
  el.classList.add('field-highlight');
  window.setTimeout(() => el.classList.remove('field-highlight'), HIGHLIGHT_MS);
}

/** The metadata panel's input for a document-level path (`metadata.name`), or the panel itself. */
const METADATA_INPUTS: Record<string, string> = { 'metadata.name': 'metadata-name', 'metadata.environment': 'metadata-environment', 'metadata.description': 'metadata-description' };

/** A finding that names no node, link or group: the document's own panel is where it is fixed. */
export function focusDocumentField(path: string): void {
  const panel = document.querySelector<HTMLElement>('[data-testid="metadata"]');
  if (!panel) return;
  const input = METADATA_INPUTS[path] ? panel.querySelector<HTMLElement>(`[data-testid="${METADATA_INPUTS[path]}"]`) : null;
  const el = input?.closest<HTMLElement>('.field') ?? panel;
  if (!input) panel.tabIndex = -1;
  el.scrollIntoView({ block: 'center' });
  (input ?? panel).focus({ preventScroll: true });
  el.classList.add('field-highlight');
  window.setTimeout(() => el.classList.remove('field-highlight'), HIGHLIGHT_MS);
}
