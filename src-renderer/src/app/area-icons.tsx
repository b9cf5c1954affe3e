import type { AreaId } from './areas.js';
import { ContainersIcon, HomeIcon, MlIcon, RunIcon, SettingsIcon, TopologyIcon, type IconProps } from '../ui/icons.js';

export const AREA_ICONS: Record<AreaId, (p: IconProps) => React.JSX.Element> = {
  welcome: HomeIcon,
  topology: TopologyIcon,
  run: RunIcon,
  ml: MlIcon,
  containers: ContainersIcon,
  settings: SettingsIcon,
};
