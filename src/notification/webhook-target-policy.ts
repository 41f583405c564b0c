import { BlockList, isIP } from 'node:net';
import { lookup } from 'node:dns/promises';

/** Addresses a webhook may not reach unless configuration allows private targets (SSRF). */
const BLOCKED = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24],
  ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) BLOCKED.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['64:ff9b::', 96], ['2001:db8::', 32], ['100::', 64],
] as const) BLOCKED.addSubnet(net, prefix, 'ipv6');

export const MAX_WEBHOOK_URL_LENGTH = 2048;

export class TargetRefused extends Error {}

/** True for loopback, private, link-local, shared, documentation, multicast and unspecified addresses. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return BLOCKED.check(address, 'ipv4');
  if (family !== 6) return true;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return BLOCKED.check(mapped[1], 'ipv4');
  return BLOCKED.check(address, 'ipv6');
}

/** Parses a webhook URL: http(s) only, no credentials, bounded length. */
export function parseWebhookUrl(raw: string): URL {
  if (raw.length > MAX_WEBHOOK_URL_LENGTH) throw new TargetRefused(`the URL is longer than ${MAX_WEBHOOK_URL_LENGTH} characters`);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new TargetRefused('the URL is not valid');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TargetRefused('only http and https URLs are allowed');
  if (url.username || url.password) throw new TargetRefused('the URL may not contain credentials');
  if (!url.hostname) throw new TargetRefused('the URL has no host');
  return url;
}

const bareHost = (url: URL) => url.hostname.replace(/^\[|\]$/g, '');

/**
 * Resolves the URL's host and answers its addresses, refusing when any of them is private (unless
 * allowed): checking every address defeats a name that resolves to one public and one private.
 */
export async function resolveTarget(url: URL, allowPrivate: boolean): Promise<Array<{ address: string; family: number }>> {
  const host = bareHost(url);
  const addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await lookupAll(host);
  if (addresses.length === 0) throw new TargetRefused(`the host ${host} does not resolve`);
  if (!allowPrivate) {
    const refused = addresses.find((a) => isPrivateAddress(a.address));
    if (refused) throw new TargetRefused(`the host ${host} resolves to a private, loopback or link-local address (${refused.address})`);
  }
  return addresses;
}

async function lookupAll(host: string): Promise<Array<{ address: string; family: number }>> {
  try {
    return await lookup(host, { all: true, verbatim: true });
  } catch {
    throw new TargetRefused(`the host ${host} does not resolve`);
  }
}
