import { describe, expect, it } from 'vitest';
import { AREAS, areaByKey } from '../../../src-renderer/src/app/areas.js';
import { resolveTheme } from '../../../src-renderer/src/app/use-theme.js';
import { nextIndex } from '../../../src-renderer/src/features/sidebar/roving.js';

describe('sidebar keys (roving tabindex)', () => {
  it('moves down and up with wrap-around, Home and End to the ends, and ignores other keys', () => {
    expect(nextIndex('ArrowDown', 0, 6)).toBe(1);
    expect(nextIndex('ArrowDown', 5, 6)).toBe(0);
    expect(nextIndex('ArrowUp', 0, 6)).toBe(5);
    expect(nextIndex('Home', 3, 6)).toBe(0);
    expect(nextIndex('End', 1, 6)).toBe(5);
    expect(nextIndex('a', 1, 6)).toBeNull();
  });
});

describe('areas', () => {
  it('has the five product areas on Ctrl+1..5, in sidebar order', () => {
    expect(['1', '2', '3', '4', '5'].map((k) => areaByKey(k)?.label)).toEqual(['Topology', 'Run', 'ML Lab', 'Containers', 'Settings']);
    expect(areaByKey('6')).toBeUndefined();
    expect(AREAS[0].id).toBe('welcome');
  });
});

describe('theme', () => {
  it('system follows the OS; light and dark override it', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme('dark', false)).toBe('dark');
  });
});
