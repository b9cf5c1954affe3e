/** The product's areas, in sidebar order. `key`: the digit of its Ctrl/⌘ shortcut. */
export const AREAS = [
  { id: 'welcome', label: 'Welcome', key: null, description: 'Start here: new from a template, open a file, recent documents.' },
  { id: 'topology', label: 'Topology', key: '1', description: 'Lay out services, links, clouds and regions by drag and drop.' },
  { id: 'run', label: 'Run', key: '2', description: 'Run traffic through the topology with faults and autoscaling, and watch live charts.' },
  { id: 'ml', label: 'ML Lab', key: '3', description: 'Train models on run metrics and use them as predictive autoscalers.' },
  { id: 'containers', label: 'Containers', key: '4', description: 'Bring the topology up as real local Docker containers.' },
  { id: 'settings', label: 'Settings', key: '5', description: 'Theme, autosave, Docker engine, and facts about this app.' },
] as const;

export type AreaId = (typeof AREAS)[number]['id'];
export type Area = (typeof AREAS)[number];

export const areaByKey = (key: string): Area | undefined => AREAS.find((a) => a.key === key);
