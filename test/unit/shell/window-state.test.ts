import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { readWindowState, writeWindowState } from '../../../src-main/shell/window-state-file.js';
import { DEFAULT_SIZE, MIN_SIZE, restoreBounds, type Rect, type WindowState } from '../../../src-main/shell/window-state.js';

const laptop: Rect = { x: 0, y: 25, width: 1440, height: 875 };
const external: Rect = { x: 1440, y: 0, width: 2560, height: 1415 };
const state = (bounds: Rect, maximized = false): WindowState => ({ bounds, maximized, fullScreen: false });
const inside = (r: Rect, area: Rect): boolean =>
  r.x >= area.x && r.y >= area.y && r.x + r.width <= area.x + area.width && r.y + r.height <= area.y + area.height;

describe('restoreBounds: the window comes back where the person can see it', () => {
  it('centres the default size on the primary display the first time', () => {
    expect(restoreBounds(null, [laptop], laptop)).toEqual({
      x: (1440 - DEFAULT_SIZE.width) / 2,
      y: 25 + Math.round((875 - DEFAULT_SIZE.height) / 2),
      ...DEFAULT_SIZE,
    });
  });

  it('keeps a saved place that is still fully visible', () => {
    const saved = state({ x: 1600, y: 100, width: 1200, height: 900 });
    expect(restoreBounds(saved, [laptop, external], laptop)).toEqual(saved.bounds);
  });

  it('moves a window from an unplugged monitor onto the primary display', () => {
    const saved = state({ x: 1600, y: 100, width: 1200, height: 800 });
    const restored = restoreBounds(saved, [laptop], laptop);
    expect(inside(restored, laptop)).toBe(true);
    expect(restored).toMatchObject({ width: 1200, height: 800 });
  });

  it('pulls a half-off-screen window fully onto the display it overlaps most', () => {
    const restored = restoreBounds(state({ x: 3800, y: 1300, width: 1000, height: 700 }), [laptop, external], laptop);
    expect(inside(restored, external)).toBe(true);
  });

  it('shrinks a window larger than the display, but not below the minimum when there is room', () => {
    const huge = restoreBounds(state({ x: 0, y: 0, width: 5000, height: 3000 }), [laptop], laptop);
    expect(huge).toEqual(laptop);
    const tiny = restoreBounds(state({ x: 10, y: 40, width: 100, height: 50 }), [laptop], laptop);
    expect(tiny).toMatchObject(MIN_SIZE);
  });

  it('always returns whole pixels inside one work area, whatever was saved', () => {
    const rect = fc.record({
      x: fc.integer({ min: -20000, max: 20000 }),
      y: fc.integer({ min: -20000, max: 20000 }),
      width: fc.integer({ min: 1, max: 20000 }),
      height: fc.integer({ min: 1, max: 20000 }),
    });
    const areas = fc.array(rect.filter((r) => r.width >= 200 && r.height >= 200), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(fc.option(rect, { nil: undefined }), areas, (bounds, workAreas) => {
        const restored = restoreBounds(bounds ? state(bounds) : null, workAreas, workAreas[0]!);
        expect(workAreas.some((area) => inside(restored, area))).toBe(true);
        for (const v of Object.values(restored)) expect(Number.isInteger(v)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('window state file', () => {
  const dirs: string[] = [];
  const tempDir = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'devsim-window-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('round-trips through a real file, replacing it atomically without leftovers', () => {
    const dir = tempDir();
    const file = join(dir, 'nested', 'window-state.json');
    const first = state({ x: 10, y: 20, width: 1000, height: 700 }, true);
    writeWindowState(file, first);
    expect(readWindowState(file)).toEqual(first);
    const second = state({ x: 30, y: 40, width: 900, height: 650 });
    writeWindowState(file, second);
    expect(readWindowState(file)).toEqual(second);
    expect(readdirSync(join(dir, 'nested'))).toEqual(['window-state.json']);
  });

  it('reads a missing, damaged or foreign file as no state instead of failing', () => {
    const dir = tempDir();
    expect(readWindowState(join(dir, 'absent.json'))).toBeNull();
    for (const content of ['{"bounds":', '[]', '{"bounds":{"x":"1"},"maximized":false,"fullScreen":false}', '\u0000\u0001']) {
      const file = join(dir, 'window-state.json');
      writeFileSync(file, content);
      expect(readWindowState(file), content).toBeNull();
      expect(readFileSync(file, 'utf8')).toBe(content);
    }
  });
});
