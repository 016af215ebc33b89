/**
 * Which network addresses a link check may never reach: loopback, private, link-local, unique
 * local, multicast, reserved and cloud metadata addresses. A list is content from strangers, and
 * the checker runs in CI with network access, so an address is checked after DNS resolution and
 * again on every redirect. Names in `links.allowHosts` are the only way past this.
 */
import { BlockList, isIP } from 'node:net';

const blocked = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, including the cloud metadata address 169.254.169.254
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, and the broadcast address
] as const) {
  blocked.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['fc00::', 7], // unique local, including AWS's fd00:ec2::254 metadata address
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
] as const) {
  blocked.addSubnet(net, prefix, 'ipv6');
}

/** Host names of cloud metadata services, refused whatever they resolve to. */
export const METADATA_HOSTS: ReadonlySet<string> = new Set([
  'metadata',
  'metadata.google.internal',
  'metadata.goog',
  'metadata.azure.com',
  'instance-data',
  'instance-data.ec2.internal',
]);

/** An IPv4 address embedded in an IPv6 one (::ffff:a.b.c.d, ::a.b.c.d, 64:ff9b::a.b.c.d), or null. */
function embeddedIpv4(address: string): string | null {
  const lower = address.toLowerCase();
  const dotted = /^(?:::ffff:|::|64:ff9b::)(\d{1,3}(?:\.\d{1,3}){3})$/u.exec(lower);
  if (dotted) return dotted[1]!;
  const hex = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/u.exec(lower);
  if (hex) {
    const hi = Number.parseInt(hex[1]!, 16);
    const lo = Number.parseInt(hex[2]!, 16);
    return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  }
  return null;
}

/** Strip the brackets URL syntax puts around an IPv6 address. */
export function bareHost(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

/** True when a request to this IP address must never be sent. */
export function isForbiddenAddress(address: string): boolean {
  const ip = bareHost(address);
  const family = isIP(ip);
  if (family === 4) return blocked.check(ip, 'ipv4');
  if (family === 6) {
    const v4 = embeddedIpv4(ip);
    if (v4 !== null) return blocked.check(v4, 'ipv4');
    return blocked.check(ip, 'ipv6');
  }
  return true; // not an address at all: refuse rather than guess
}

/**
 * Whether a host name (or IP literal) is named by `links.allowHosts`. An entry matches the host
 * exactly, or with a leading "*." any of its subdomains.
 */
export function isAllowedHost(host: string, allowHosts: readonly string[]): boolean {
  const h = bareHost(host).toLowerCase().replace(/\.$/u, '');
  for (const entry of allowHosts) {
    const e = bareHost(entry.trim()).toLowerCase().replace(/\.$/u, '');
    if (e.startsWith('*.') ? h.endsWith(e.slice(1)) : h === e) return true;
  }
  return false;
}

/** Why a host may not be contacted before resolving it (an IP literal or a metadata name), or null. */
export function refuseHostName(host: string, allowHosts: readonly string[]): string | null {
  const h = bareHost(host).toLowerCase().replace(/\.$/u, '');
  if (isAllowedHost(h, allowHosts)) return null;
  if (METADATA_HOSTS.has(h)) return `${h} is a cloud metadata host`;
  if (h === 'localhost' || h.endsWith('.localhost')) return `${h} is the local machine`;
  if (isIP(h) !== 0 && isForbiddenAddress(h)) return `${h} is a private or reserved address`;
  return null;
}

/** Why a resolved address may not be contacted for this host, or null. */
export function refuseAddress(host: string, address: string, allowHosts: readonly string[]): string | null {
  // Only the name as the URL writes it counts: allowing "127.0.0.1" does not let every name that
  // resolves there through.
  if (isAllowedHost(host, allowHosts)) return null;
  return isForbiddenAddress(address) ? `${bareHost(host)} resolves to ${address}, a private or reserved address` : null;
}
