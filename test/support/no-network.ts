// Every test runs air-gapped, as the app does: any attempt to reach a host outside this machine
// fails at once and is reported, instead of quietly trying the internet (a dependency's update or
// translation check, a stray URL in our code).
import dns from 'node:dns';
import net from 'node:net';

const LOCAL_NAMES = new Set(['localhost', '127.0.0.1', '::1', '0.0.0.0']);
export const blockedHosts: string[] = [];

function isLocal(host: string | undefined): boolean {
  if (!host) return true; // unix sockets and pipes
  return LOCAL_NAMES.has(host) || host.startsWith('127.') || host.endsWith('.localhost');
}

function refuse(host: string): Error {
  blockedHosts.push(host);
  return Object.assign(new Error(`network access refused in tests: ${host} (the app runs air-gapped)`), {
    code: 'ENETUNREACH',
  });
}

const originalLookup = dns.lookup;
(dns as { lookup: unknown }).lookup = function lookup(hostname: string, ...rest: unknown[]) {
  const cb = rest[rest.length - 1] as (e: Error | null) => void;
  if (!isLocal(hostname)) return process.nextTick(() => cb(refuse(hostname)));
  return (originalLookup as (...a: unknown[]) => void).call(dns, hostname, ...rest);
};
const originalPromisesLookup = dns.promises.lookup;
(dns.promises as { lookup: unknown }).lookup = (hostname: string, ...rest: unknown[]) =>
  isLocal(hostname)
    ? (originalPromisesLookup as (...a: unknown[]) => Promise<unknown>)(hostname, ...rest)
    : Promise.reject(refuse(hostname));

const originalConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function connect(this: net.Socket, ...args: unknown[]) {
  const first = args[0];
  const host =
    typeof first === 'object' && first !== null
      ? (first as { host?: string; path?: string }).path
        ? undefined
        : (first as { host?: string }).host
      : typeof first === 'number'
        ? (args[1] as string | undefined)
        : undefined;
  if (typeof host === 'string' && net.isIP(host) && !isLocal(host)) {
    const err = refuse(host);
    process.nextTick(() => this.destroy(err));
    return this;
  }
  return (originalConnect as (...a: unknown[]) => net.Socket).apply(this, args);
};
