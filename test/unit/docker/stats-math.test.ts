// The stats numbers as the docker CLI computes them, on engine frames written out by hand.
import { describe, expect, it } from 'vitest';
import { statsNumbers } from '../../../src-main/docker/stats-math.js';

const frame = {
  read: '2026-11-27T05:00:01Z',
  pids_stats: { current: 3 },
  cpu_stats: { cpu_usage: { total_usage: 2_500_000_000 }, system_cpu_usage: 120_000_000_000, online_cpus: 2 },
  precpu_stats: { cpu_usage: { total_usage: 2_000_000_000 }, system_cpu_usage: 118_000_000_000 },
  memory_stats: { usage: 10_000_000, limit: 100_000_000, stats: { total_inactive_file: 2_000_000 } },
  networks: { eth0: { rx_bytes: 1000, tx_bytes: 400 }, eth1: { rx_bytes: 24, tx_bytes: 600 } },
  blkio_stats: { io_service_bytes_recursive: [{ op: 'Read', value: 4096 }, { op: 'Write', value: 8192 }, { op: 'Total', value: 12288 }] },
};

describe('stats numbers (as docker stats)', () => {
  it('CPU % = cpu delta / system delta × online CPUs × 100; memory = usage − inactive file; network and block I/O summed', () => {
    expect(statsNumbers(frame)).toEqual({
      cpuPercent: (500_000_000 / 2_000_000_000) * 2 * 100, // 50 %
      onlineCpus: 2,
      memoryBytes: 8_000_000,
      memoryLimitBytes: 100_000_000,
      memoryPercent: 8,
      networkRxBytes: 1024,
      networkTxBytes: 1000,
      blockReadBytes: 4096,
      blockWriteBytes: 8192,
      pids: 3,
    });
  });

  it('reads cgroup v2 frames (inactive_file, lower-case ops) and counts CPUs from percpu_usage when online_cpus is absent', () => {
    const v2 = {
      ...frame,
      cpu_stats: { cpu_usage: { total_usage: 300, percpu_usage: [1, 2, 3, 4] }, system_cpu_usage: 1000 },
      precpu_stats: { cpu_usage: { total_usage: 200 }, system_cpu_usage: 600 },
      memory_stats: { usage: 5000, limit: 10_000, stats: { inactive_file: 1000 } },
      blkio_stats: { io_service_bytes_recursive: [{ op: 'read', value: 1 }, { op: 'write', value: 2 }] },
    };
    const n = statsNumbers(v2);
    expect([n.cpuPercent, n.onlineCpus, n.memoryBytes, n.blockReadBytes, n.blockWriteBytes]).toEqual([100, 4, 4000, 1, 2]);
  });

  it('gives zeros, not NaN, for the first frame (no previous CPU reading) and a stopped container', () => {
    const n = statsNumbers({ read: '0001-01-01T00:00:00Z', cpu_stats: {}, precpu_stats: {}, memory_stats: {}, blkio_stats: { io_service_bytes_recursive: null } });
    expect(Object.values(n).every((v) => v === 0)).toBe(true);
  });
});
