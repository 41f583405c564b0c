import { isIPv6 } from 'node:net';

/**
 * What one client controls of its address, for per-address rate limits: an IPv4 address as it is,
 * an IPv6 address by its /64 (a home or office is handed a whole /64, so counting single IPv6
 * addresses would let one client take a fresh one per request).
 */
export function clientSubnet(address: string): string {
  const plain = address.split('%')[0];
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(plain);
  if (mapped) return mapped[1];
  if (!isIPv6(plain)) return address;
  return `${expandIPv6(plain).slice(0, 4).join(':')}::/64`;
}

/** The eight groups of an IPv6 address, without leading zeros (`2001:db8::1` → 2001, db8, 0, … 1). */
function expandIPv6(address: string): string[] {
  const groupsOf = (part: string) => (part ? part.split(':').flatMap(ipv4AsGroups) : []);
  const [head, tail] = address.split('::');
  const left = groupsOf(head);
  const right = tail === undefined ? [] : groupsOf(tail);
  const zeros = Array(8 - left.length - right.length).fill('0');
  return [...left, ...zeros, ...right].map((g) => parseInt(g, 16).toString(16));
}

/** An embedded IPv4 tail (`64:ff9b::192.0.2.1`) is two groups. */
function ipv4AsGroups(group: string): string[] {
  if (!group.includes('.')) return [group];
  const [a, b, c, d] = group.split('.').map(Number);
  return [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
}
