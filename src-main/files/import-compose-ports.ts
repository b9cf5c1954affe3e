import type { PathKey } from './finding.js';
import type { ImportContext } from './import-compose-context.js';
import { isRecord, parseNumber, withDefaults } from './import-compose-values.js';

export interface PortInput {
  name?: string;
  port: number;
  hostPort?: number;
  protocol: 'tcp' | 'udp';
}

/** The schema holds at most 64 ports per node; a longer range is reported, not expanded. */
export const MAX_PORTS = 64;

interface Entry {
  container: [number, number];
  host?: [number, number];
  hostIp?: string;
  protocol: string;
  name?: string;
  extra?: Record<string, unknown>;
}

const validPort = (n: number): boolean => Number.isInteger(n) && n >= 1 && n <= 65535;

/** "8080" or "8000-8010" → [from, to]; undefined when not a port or range. */
function range(text: string): [number, number] | undefined {
  const m = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(text.trim());
  if (!m) return undefined;
  const from = Number(m[1]);
  const to = m[2] === undefined ? from : Number(m[2]);
  return validPort(from) && validPort(to) && to >= from ? [from, to] : undefined;
}

/** Short syntax: [HOST_IP:][HOST[-HOST]:]CONTAINER[-CONTAINER][/PROTOCOL]. */
function parseShort(text: string): Entry | string {
  let rest = text.trim();
  let protocol = 'tcp';
  const slash = rest.lastIndexOf('/');
  if (slash >= 0) {
    protocol = rest.slice(slash + 1).toLowerCase();
    rest = rest.slice(0, slash);
  }
  let hostIp: string | undefined;
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']:');
    if (close < 0) return 'an IPv6 host address must be written [addr]:port';
    hostIp = rest.slice(1, close);
    rest = rest.slice(close + 2);
  }
  const parts = rest.split(':');
  if (parts.length > 3 || (hostIp !== undefined && parts.length > 2)) return 'expected [HOST_IP:][HOST:]CONTAINER[/PROTOCOL]';
  if (parts.length === 3) hostIp = parts.shift();
  const container = range(parts.pop()!);
  if (!container) return 'the container port must be a number 1–65535 or a range like 8000-8010';
  const hostText = parts.pop();
  let host: [number, number] | undefined;
  if (hostText !== undefined && hostText !== '') {
    host = range(hostText);
    if (!host) return 'the host port must be a number 1–65535 or a range like 8000-8010';
  }
  const entry: Entry = { container, protocol };
  if (host) entry.host = host;
  if (hostIp) entry.hostIp = hostIp;
  return entry;
}

/** Long syntax: { target, published, protocol, host_ip, mode, name, app_protocol }. */
function parseLong(value: Record<string, unknown>): Entry | string {
  const target = parseNumber(value.target);
  if (target === undefined || !validPort(target)) return '`target` must be a container port 1–65535';
  const entry: Entry = { container: [target, target], protocol: 'tcp' };
  if (value.published !== undefined && value.published !== null && value.published !== '') {
    const published = typeof value.published === 'number' ? String(value.published) : typeof value.published === 'string' ? withDefaults(value.published) : undefined;
    const host = published === undefined ? undefined : range(published);
    if (!host) return '`published` must be a host port 1–65535 or a range';
    entry.host = host;
  }
  if (value.protocol !== undefined) {
    if (typeof value.protocol !== 'string') return '`protocol` must be a string';
    entry.protocol = value.protocol.toLowerCase();
  }
  if (typeof value.host_ip === 'string' && value.host_ip !== '') entry.hostIp = value.host_ip;
  if (typeof value.name === 'string') entry.name = value.name;
  const extra: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (!['target', 'published', 'protocol', 'host_ip', 'name'].includes(key)) extra[key] = v;
  }
  if (Object.keys(extra).length > 0) entry.extra = extra;
  return entry;
}

/** Compose `ports` (short and long syntax, ranges) as the node's ports. */
export function importPorts(ctx: ImportContext, value: unknown, at: readonly PathKey[], ports: PortInput[]): void {
  if (!Array.isArray(value)) {
    ctx.invalid(at, '`ports` must be a list.');
    return;
  }
  value.forEach((item: unknown, i) => {
    const path = [...at, i];
    let entry: Entry | string;
    if (typeof item === 'number') entry = validPort(item) ? { container: [item, item], protocol: 'tcp' } : 'a port must be 1–65535';
    else if (typeof item === 'string') {
      const text = withDefaults(item);
      if (text === undefined) {
        ctx.unmap(path, item, 'the port uses a variable without a default, so its number is not known until Compose runs.', 'warning');
        return;
      }
      entry = parseShort(text);
    } else if (isRecord(item)) entry = parseLong(item);
    else entry = 'a port is a number, a string like "8080:80" or a mapping with `target`';
    if (typeof entry === 'string') {
      ctx.invalid(path, `Not a port: ${entry}.`);
      return;
    }
    addEntry(ctx, entry, item, path, ports);
  });
}

function addEntry(ctx: ImportContext, entry: Entry, original: unknown, path: readonly PathKey[], ports: PortInput[]): void {
  if (entry.protocol !== 'tcp' && entry.protocol !== 'udp') {
    ctx.unmap(path, original, `protocol "${entry.protocol}" (the document knows tcp and udp).`, 'warning');
    return;
  }
  const protocol = entry.protocol;
  const [from, to] = entry.container;
  const count = to - from + 1;
  const host = entry.host;
  if (host && host[1] - host[0] !== to - from && count !== 1) {
    ctx.invalid(path, `The host range has ${host[1] - host[0] + 1} ports but the container range has ${count}.`);
    return;
  }
  if (ports.length + count > MAX_PORTS) {
    ctx.unmap(path, original, `${count} port(s) here would pass the document's limit of ${MAX_PORTS} ports per node.`, 'warning');
    return;
  }
  if (entry.hostIp && entry.hostIp !== '0.0.0.0') {
    // Loopback is what a lab wants anyway (the compose export binds 127.0.0.1); another address is worth a warning.
    const loopback = ['127.0.0.1', '::1', 'localhost'].includes(entry.hostIp);
    ctx.unmap([...path, 'host_ip'], entry.hostIp, 'the host address a port is bound to.', loopback ? 'info' : 'warning');
  }
  // One container port with a host range: Docker picks any free host port from the range.
  const hostRangeForOne = host !== undefined && count === 1 && host[1] > host[0];
  if (hostRangeForOne) ctx.unmap([...path, 'published'], `${host[0]}-${host[1]}`, 'a host port range for one container port (Docker picks a free one); imported without a host port.');
  if (entry.extra) ctx.unmap(path, entry.extra, 'port options (mode, app_protocol, …).');
  const nameOk = entry.name !== undefined && /^[a-z][a-z0-9-]{0,14}$/.test(entry.name);
  if (entry.name !== undefined && !nameOk) ctx.unmap([...path, 'name'], entry.name, 'a port name must be up to 15 lower-case letters, digits or hyphens.');
  for (let k = 0; k < count; k++) {
    const port: PortInput = { port: from + k, protocol };
    if (host && !hostRangeForOne) port.hostPort = host[0] + k;
    if (nameOk && count === 1) port.name = entry.name!;
    const twin = ports.find((p) => p.port === port.port && p.protocol === protocol);
    if (twin) {
      if (twin.hostPort === undefined && port.hostPort !== undefined) twin.hostPort = port.hostPort;
      else if (port.hostPort !== undefined && port.hostPort !== twin.hostPort) {
        ctx.unmap(path, original, `container port ${port.port}/${protocol} is already listed; a second host port for it has no place in the document.`, 'warning');
      }
      continue;
    }
    ports.push(port);
  }
}

/** Compose `expose`: ports reachable by other services but not published on the host. */
export function importExpose(ctx: ImportContext, value: unknown, at: readonly PathKey[], ports: PortInput[]): void {
  if (!Array.isArray(value)) {
    ctx.invalid(at, '`expose` must be a list.');
    return;
  }
  value.forEach((item: unknown, i) => {
    const text = typeof item === 'number' ? String(item) : typeof item === 'string' ? withDefaults(item) : undefined;
    const parsed = text === undefined ? undefined : parseShort(text);
    if (parsed === undefined || typeof parsed === 'string' || parsed.host || parsed.hostIp) {
      if (typeof item === 'string' && text === undefined) ctx.unmap([...at, i], item, 'the port uses a variable without a default.', 'warning');
      else ctx.invalid([...at, i], 'An exposed port is a container port or range, e.g. 3000 or "3000/udp".');
      return;
    }
    addEntry(ctx, parsed, item, [...at, i], ports);
  });
}
