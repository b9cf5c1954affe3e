import { describe, expect, it } from 'vitest';
import { DISCARD_BUTTON, leaveChosen, unloadPrompt } from '../../../src-main/shell/unload-prompt.js';

describe('the unsaved-changes prompt of the desktop app', () => {
  it('defaults to keeping the changes, also when the dialog is dismissed', () => {
    const p = unloadPrompt();
    expect(p.buttons[p.defaultId]).toBe('Keep editing');
    expect(p.cancelId).toBe(p.defaultId);
    expect(leaveChosen(p.cancelId)).toBe(false);
  });

  it('leaves only on the discard button', () => {
    const p = unloadPrompt();
    expect(p.buttons[DISCARD_BUTTON]).toBe('Discard changes');
    expect(leaveChosen(DISCARD_BUTTON)).toBe(true);
  });
});
