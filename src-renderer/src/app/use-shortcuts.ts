import { useEffect } from 'react';
import { areaByKey, type AreaId } from './areas.js';

/** Ctrl+1..5 (⌘ on macOS) jump to an area from anywhere. */
export function useAreaShortcuts(navigate: (area: AreaId) => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return;
      const area = areaByKey(e.key);
      if (!area) return;
      e.preventDefault();
      navigate(area.id);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navigate]);
}
