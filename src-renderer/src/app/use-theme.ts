import { useEffect, useSyncExternalStore } from 'react';
import type { Settings } from '../../../src-preload/contract/index.js';

const DARK_QUERY = '(prefers-color-scheme: dark)';

function subscribe(onChange: () => void): () => void {
  const mq = window.matchMedia(DARK_QUERY);
  mq.addEventListener('change', onChange);
  return () => mq.removeEventListener('change', onChange);
}

/** Whether the OS (or browser) asks for dark colours; follows it live. */
export function usePrefersDark(): boolean {
  return useSyncExternalStore(subscribe, () => window.matchMedia(DARK_QUERY).matches);
}

export function resolveTheme(setting: Settings['theme'], prefersDark: boolean): 'light' | 'dark' {
  if (setting === 'system') return prefersDark ? 'dark' : 'light';
  return setting;
}

/** Applies the theme as data-theme (light|dark) on <html>; data-theme-setting keeps the choice. */
export function useTheme(setting: Settings['theme']): void {
  const prefersDark = usePrefersDark();
  const theme = resolveTheme(setting, prefersDark);
  useEffect(() => {
    const html = document.documentElement;
    html.dataset.theme = theme;
    html.dataset.themeSetting = setting;
  }, [theme, setting]);
}
