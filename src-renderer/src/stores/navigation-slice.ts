import type { StateCreator } from 'zustand/vanilla';
import type { AreaId } from '../app/areas.js';
import type { AppState } from './app-store.js';

export interface NavigationSlice {
  area: AreaId;
  /** Whether the person chose an area yet; until then the start area follows the settings. */
  navigated: boolean;
  navigate(area: AreaId): void;
  /** The area to start in, applied only if the person has not moved yet. */
  startIn(area: AreaId): void;
}

export const createNavigationSlice: StateCreator<AppState, [], [], NavigationSlice> = (set, get) => ({
  area: 'welcome',
  navigated: false,
  navigate: (area) => set({ area, navigated: true }),
  startIn: (area) => {
    if (!get().navigated) set({ area });
  },
});
