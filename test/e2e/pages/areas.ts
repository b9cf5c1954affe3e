/** The sidebar's areas as the tests know them: id (data-testid nav-<id>), label, shortcut digit. */
export const AREAS = [
  { id: 'welcome', label: 'Welcome', key: null },
  { id: 'topology', label: 'Topology', key: '1' },
  { id: 'run', label: 'Run', key: '2' },
  { id: 'ml', label: 'ML Lab', key: '3' },
  { id: 'containers', label: 'Containers', key: '4' },
  { id: 'settings', label: 'Settings', key: '5' },
] as const;

export type AreaId = (typeof AREAS)[number]['id'];
