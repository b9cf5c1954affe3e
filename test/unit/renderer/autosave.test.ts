import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../src-preload/contract/index.js';
import { startAutosave } from '../../../src-renderer/src/stores/autosave.js';
import { documentStore } from './fake-documents.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function started(seconds = 30) {
  const t = documentStore('browser', seconds);
  const stop = startAutosave(t.store);
  return { ...t, stop, calls: () => t.host.api.autosaveDocument.mock.calls.map((c) => c[0]) };
}

describe('autosave timing', () => {
  it('saves an unsaved document once after the interval, not before, and not again without edits', async () => {
    const { s, calls, stop } = started(30);
    await s().newFromTemplate('production');
    await vi.advanceTimersByTimeAsync(29_999);
    expect(calls()).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls()).toEqual([{ key: 'untitled:1', path: null, name: 'production.devsim.yaml', text: 'name: Shop\n' }]);
    expect(s().doc?.autosavedAt).not.toBeNull();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(calls()).toHaveLength(1);
    stop();
  });

  it('an edit is kept at most one interval later, with the edited text', async () => {
    const { s, calls, stop } = started(10);
    await s().newFromTemplate('production');
    await vi.advanceTimersByTimeAsync(10_000);
    s().editMetadata({ name: 'First' });
    await vi.advanceTimersByTimeAsync(4_000);
    s().editMetadata({ name: 'Second' }); // does not push the deadline back
    await vi.advanceTimersByTimeAsync(6_000);
    expect(calls().map((c) => c.text)).toEqual(['name: Shop\n', 'name: Second\n']);
    stop();
  });

  it('0 turns it off; turning it on later starts the timer; a saved document is not autosaved', async () => {
    const { s, store, calls, stop } = started(0);
    await s().newFromTemplate('production');
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(calls()).toHaveLength(0);
    store.setState({ settings: { ...DEFAULT_SETTINGS, autosaveSeconds: 5 } });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(calls()).toHaveLength(1);

    await s().saveAs(); // browser: a download; the document is no longer dirty
    s().editMetadata({ name: 'x' });
    await s().save(); // still no path: downloads again
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls()).toHaveLength(1);
    stop();
  });

  it('a failed autosave is shown and tried again after the next interval', async () => {
    const { s, host, calls, stop } = started(5);
    host.api.autosaveDocument.mockRejectedValueOnce(new Error('database is locked'));
    await s().newFromTemplate('production');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(s().doc?.autosaveError).toBe('database is locked');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(calls()).toHaveLength(2);
    expect(s().doc?.autosaveError).toBeNull();
    stop();
  });

  it('stops when asked: no timer fires afterwards', async () => {
    const { s, calls, stop } = started(5);
    await s().newFromTemplate('production');
    stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls()).toHaveLength(0);
  });
});
