/** The environments of the seed; they ship as ready templates in a later version. */
export const TEMPLATES = [
  {
    id: 'production',
    title: 'Production',
    summary: 'Multi-region: GeoDNS, load balancers, Node.js tiers, PostgreSQL primary with replicas, Redis, Kafka, monitoring.',
  },
  {
    id: 'development',
    title: 'Development',
    summary: 'One region, a small app tier and one database: quick to run, easy to read.',
  },
  {
    id: 'experimental',
    title: 'Experimental',
    summary: 'Chaos experiments and learned autoscaling on a mid-sized topology.',
  },
] as const;
