// How each node kind is named and drawn in lists and previews (the canvas comes later).
import { ContainersIcon, Icon, MlIcon, type IconProps } from './icons.js';
import './node-kinds.css';

const UsersIcon = (p: IconProps): React.JSX.Element => (
  <Icon {...p}>
    <circle cx="9" cy="8" r="3" />
    <path d="M3.5 19a5.5 5.5 0 0 1 11 0M16 5.5a3 3 0 0 1 0 5.5M17.5 14a5 5 0 0 1 3 5" />
  </Icon>
);

const GlobeIcon = (p: IconProps): React.JSX.Element => (
  <Icon {...p}>
    <circle cx="12" cy="12" r="9" />
    <path d="M3 12h18M12 3c2.5 2.6 3.6 5.6 3.6 9s-1.1 6.4-3.6 9c-2.5-2.6-3.6-5.6-3.6-9S9.5 5.6 12 3z" />
  </Icon>
);

const SplitIcon = (p: IconProps): React.JSX.Element => (
  <Icon {...p}>
    <circle cx="5" cy="12" r="2" />
    <path d="M7 12h4M11 12l7-6M11 12h7M11 12l7 6" />
  </Icon>
);

const ServerIcon = (p: IconProps): React.JSX.Element => (
  <Icon {...p}>
    <rect x="4" y="4" width="16" height="7" rx="1.5" />
    <rect x="4" y="13" width="16" height="7" rx="1.5" />
    <path d="M8 7.5v.01M8 16.5v.01" />
  </Icon>
);

const DatabaseIcon = (p: IconProps): React.JSX.Element => (
  <Icon {...p}>
    <ellipse cx="12" cy="5.5" rx="7" ry="2.5" />
    <path d="M5 5.5v13c0 1.4 3.1 2.5 7 2.5s7-1.1 7-2.5v-13M5 12c0 1.4 3.1 2.5 7 2.5s7-1.1 7-2.5" />
  </Icon>
);

const BoltIcon = (p: IconProps): React.JSX.Element => (
  <Icon {...p}>
    <path d="M13 3 5 13.5h6L10 21l8-10.5h-6z" />
  </Icon>
);

const QueueIcon = (p: IconProps): React.JSX.Element => (
  <Icon {...p}>
    <rect x="3" y="8" width="4" height="8" rx="1" />
    <rect x="10" y="8" width="4" height="8" rx="1" />
    <path d="M17 12h4M19 10l2 2-2 2" />
  </Icon>
);

const ChartIcon = (p: IconProps): React.JSX.Element => (
  <Icon {...p}>
    <path d="M4 4v16h16" />
    <path d="m7 15 4-4 3 3 5-6" />
  </Icon>
);

const LogsIcon = (p: IconProps): React.JSX.Element => (
  <Icon {...p}>
    <path d="M5 6h14M5 10h10M5 14h14M5 18h8" />
  </Icon>
);

type KindInfo = { label: string; Icon: (p: IconProps) => React.JSX.Element };

export const NODE_KINDS: Record<string, KindInfo> = {
  'traffic-source': { label: 'Traffic source', Icon: UsersIcon },
  geodns: { label: 'GeoDNS', Icon: GlobeIcon },
  'load-balancer': { label: 'Load balancer', Icon: SplitIcon },
  'app-service': { label: 'App service', Icon: ServerIcon },
  postgres: { label: 'PostgreSQL', Icon: DatabaseIcon },
  redis: { label: 'Redis', Icon: BoltIcon },
  kafka: { label: 'Kafka', Icon: QueueIcon },
  prometheus: { label: 'Prometheus', Icon: ChartIcon },
  grafana: { label: 'Grafana', Icon: ChartIcon },
  thanos: { label: 'Thanos', Icon: ChartIcon },
  elasticsearch: { label: 'Elasticsearch', Icon: LogsIcon },
  logstash: { label: 'Logstash', Icon: LogsIcon },
  kibana: { label: 'Kibana', Icon: ChartIcon },
  'ml-inference': { label: 'ML inference', Icon: MlIcon },
  container: { label: 'Container', Icon: ContainersIcon },
};

export const kindInfo = (kind: string): KindInfo => NODE_KINDS[kind] ?? { label: kind, Icon: ContainersIcon };

/** A small chip: the kind's icon, its name, and how many there are. */
export function KindChip({ kind, count }: { kind: string; count?: number }): React.JSX.Element {
  const { label, Icon: KindIcon } = kindInfo(kind);
  return (
    <span className="kind-chip" title={label}>
      <KindIcon size={14} />
      {label}
      {count === undefined ? null : <span className="kind-count">{count}</span>}
    </span>
  );
}
