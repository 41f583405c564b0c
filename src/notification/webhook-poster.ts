import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { resolveTarget } from './webhook-target-policy';

export interface PostOptions {
  timeoutMs: number;
  allowPrivate: boolean;
}

/**
 * POSTs a body to a webhook and answers the HTTP status. The host is resolved and checked at send
 * time and the connection is pinned to the checked address, so a DNS answer that changes between
 * check and connect (rebinding) cannot redirect the post. Redirects are not followed; the whole
 * exchange is bounded by the timeout so a silent receiver cannot hold a worker slot.
 */
export async function postWebhook(url: URL, body: string, headers: Record<string, string>, options: PostOptions): Promise<number> {
  const [target] = await resolveTarget(url, options.allowPrivate);
  const lookup: LookupFunction = (_host, lookupOptions, callback) => {
    if ((lookupOptions as { all?: boolean }).all) (callback as unknown as (e: null, a: unknown[]) => void)(null, [target]);
    else callback(null, target.address, target.family);
  };
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<number>((resolve, reject) => {
    const req = send(url, {
      method: 'POST',
      lookup,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body).toString(), 'user-agent': 'gds-academy-webhooks/1', ...headers },
    });
    const timer = setTimeout(() => req.destroy(new Error(`no answer within ${options.timeoutMs} ms`)), options.timeoutMs);
    req.on('response', (response) => {
      clearTimeout(timer);
      resolve(response.statusCode ?? 0);
      response.destroy();
    });
    req.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    req.end(body);
  });
}
