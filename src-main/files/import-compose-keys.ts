// Which Compose service fields the importer reads, and which it knows but cannot map.

/** Fields read into the node (or into links). */
export const MAPPED_SERVICE_KEYS = new Set([
  'image', 'command', 'environment', 'ports', 'expose', 'healthcheck', 'deploy', 'scale', 'cpus', 'mem_limit', 'depends_on', 'links',
]);

/** Compose Specification service fields (and version 2 ones) with no place in the document. */
export const KNOWN_SERVICE_KEYS = new Set([
  'annotations', 'attach', 'blkio_config', 'build', 'cap_add', 'cap_drop', 'cgroup', 'cgroup_parent', 'configs', 'container_name',
  'cpu_count', 'cpu_percent', 'cpu_period', 'cpu_quota', 'cpu_rt_period', 'cpu_rt_runtime', 'cpu_shares', 'cpuset', 'credential_spec',
  'develop', 'device_cgroup_rules', 'devices', 'dns', 'dns_opt', 'dns_search', 'domainname', 'driver_opts', 'entrypoint', 'env_file',
  'extends', 'external_links', 'extra_hosts', 'gpus', 'group_add', 'hostname', 'init', 'ipc', 'isolation', 'label_file', 'labels',
  'log_driver', 'log_opt', 'logging', 'mac_address', 'mem_reservation', 'mem_swappiness', 'memswap_limit', 'models', 'net',
  'network_mode', 'networks', 'oom_kill_disable', 'oom_score_adj', 'pid', 'pids_limit', 'platform', 'post_start', 'pre_stop',
  'privileged', 'profiles', 'provider', 'pull_policy', 'pull_refresh_after', 'read_only', 'restart', 'runtime', 'secrets',
  'security_opt', 'shm_size', 'stdin_open', 'stop_grace_period', 'stop_signal', 'storage_opt', 'sysctls', 'tmpfs', 'tty', 'ulimits',
  'use_api_socket', 'user', 'userns_mode', 'uts', 'volume_driver', 'volumes', 'volumes_from', 'working_dir',
]);

/** Why a known field is not imported, where a general reason is not enough. */
export const UNMAPPED_REASONS: Record<string, string> = {
  build: 'how the image is built from source (the document runs images).',
  volumes: 'volumes and bind mounts (the document has no storage mounts).',
  networks: 'network membership (nodes in a document all reach each other).',
  network_mode: 'the network mode.',
  entrypoint: 'the entrypoint (the document has `command` only; an entrypoint would change what runs).',
  env_file: 'environment files (their contents are not read).',
  profiles: 'profiles (the service is imported whatever the profile).',
  secrets: 'secrets (the document keeps no secrets).',
  configs: 'configs (the document has no config files).',
  labels: 'container labels.',
  restart: 'the restart policy.',
  container_name: 'a fixed container name (the node id names the container).',
  logging: 'logging options.',
};

/** Top-level Compose fields besides `services`. */
export const KNOWN_TOP_KEYS = new Set(['version', 'name', 'services', 'networks', 'volumes', 'secrets', 'configs', 'include', 'models']);

/** deploy fields besides replicas and resources.limits. */
export const DEPLOY_KEYS = new Set(['mode', 'replicas', 'labels', 'update_config', 'rollback_config', 'restart_policy', 'placement', 'resources', 'endpoint_mode']);
