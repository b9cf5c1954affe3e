// One engine stats frame → the numbers `docker stats` shows, computed the way the CLI does
// (cli/command/container/stats_helpers.go).

export interface EngineStats {
  read?: string;
  pids_stats?: { current?: number };
  cpu_stats?: CpuStats;
  precpu_stats?: CpuStats;
  memory_stats?: { usage?: number; limit?: number; stats?: Record<string, number> };
  networks?: Record<string, { rx_bytes?: number; tx_bytes?: number }>;
  blkio_stats?: { io_service_bytes_recursive?: { op?: string; value?: number }[] | null };
}

interface CpuStats {
  cpu_usage?: { total_usage?: number; percpu_usage?: number[] };
  system_cpu_usage?: number;
  online_cpus?: number;
}

export interface StatsNumbers {
  cpuPercent: number;
  onlineCpus: number;
  memoryBytes: number;
  memoryLimitBytes: number;
  memoryPercent: number;
  networkRxBytes: number;
  networkTxBytes: number;
  blockReadBytes: number;
  blockWriteBytes: number;
  pids: number;
}

export function statsNumbers(s: EngineStats): StatsNumbers {
  const cpu = s.cpu_stats ?? {};
  const pre = s.precpu_stats ?? {};
  const onlineCpus = cpu.online_cpus || cpu.cpu_usage?.percpu_usage?.length || 0;
  const cpuDelta = (cpu.cpu_usage?.total_usage ?? 0) - (pre.cpu_usage?.total_usage ?? 0);
  const systemDelta = (cpu.system_cpu_usage ?? 0) - (pre.system_cpu_usage ?? 0);
  const cpuPercent = cpuDelta > 0 && systemDelta > 0 ? (cpuDelta / systemDelta) * onlineCpus * 100 : 0;
  const memory = s.memory_stats ?? {};
  const usage = memory.usage ?? 0;
  const memoryBytes = Math.max(0, usage - pageCache(memory.stats ?? {}, usage));
  const memoryLimitBytes = memory.limit ?? 0;
  let networkRxBytes = 0;
  let networkTxBytes = 0;
  for (const n of Object.values(s.networks ?? {})) {
    networkRxBytes += n.rx_bytes ?? 0;
    networkTxBytes += n.tx_bytes ?? 0;
  }
  let blockReadBytes = 0;
  let blockWriteBytes = 0;
  for (const entry of s.blkio_stats?.io_service_bytes_recursive ?? []) {
    const op = (entry.op ?? '').toLowerCase();
    if (op === 'read') blockReadBytes += entry.value ?? 0;
    if (op === 'write') blockWriteBytes += entry.value ?? 0;
  }
  return {
    cpuPercent,
    onlineCpus,
    memoryBytes,
    memoryLimitBytes,
    memoryPercent: memoryLimitBytes > 0 ? (memoryBytes / memoryLimitBytes) * 100 : 0,
    networkRxBytes,
    networkTxBytes,
    blockReadBytes,
    blockWriteBytes,
    pids: s.pids_stats?.current ?? 0,
  };
}

/** cgroup v1: total_inactive_file; cgroup v2: inactive_file (as the CLI, only when below usage). */
function pageCache(stats: Record<string, number>, usage: number): number {
  const v1 = stats['total_inactive_file'];
  if (v1 !== undefined && v1 < usage) return v1;
  const v2 = stats['inactive_file'];
  if (v2 !== undefined && v2 < usage) return v2;
  return 0;
}
