import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { waitFor } from '@gds/testing';
import { CapturedEmail, SmtpCapture } from './smtp-capture';

/** The token of an account email's link to a web app screen (`/app/<screen>#token=<token>`). */
export function tokenIn(mail: CapturedEmail, screen: 'reset-password' | 'accept-invitation'): string {
  const match = new RegExp(`/app/${screen}#token=([A-Za-z0-9._~%-]+)`).exec(mail.text);
  if (!match) throw new Error(`no /app/${screen} link in "${mail.subject}": ${mail.text}`);
  return decodeURIComponent(match[1]);
}

/** Waits for the n-th email to an address and answers it. */
export function nthMailTo(smtp: SmtpCapture, address: string, n: number): Promise<CapturedEmail> {
  return waitFor(() => smtp.to(address)[n - 1], { what: `email #${n} to ${address}`, timeoutMs: 30_000 });
}

/** Every table with a row whose text holds `needle` (a token must live only in the email). */
export async function tablesHolding(dataSource: DataSource, needle: string): Promise<string[]> {
  const tables: Array<{ name: string }> = await dataSource.query(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1",
  );
  const holding: string[] = [];
  for (const { name } of tables) {
    const [row] = await dataSource.query(`SELECT count(*)::int AS n FROM "${name}" t WHERE strpos(t::text, $1) > 0`, [needle]);
    if (row.n > 0) holding.push(name);
  }
  return holding;
}

/** Every Redis key under the queue prefix whose value holds `needle` (job data, results, events). */
export async function redisKeysHolding(redisUrl: string, prefix: string, needle: string): Promise<string[]> {
  const client = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  const holding: string[] = [];
  try {
    let cursor = '0';
    do {
      const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      for (const key of keys) if ((await valueOf(client, key)).includes(needle)) holding.push(key);
    } while (cursor !== '0');
  } finally {
    client.disconnect();
  }
  return holding;
}

async function valueOf(client: Redis, key: string): Promise<string> {
  switch (await client.type(key)) {
    case 'string': return (await client.get(key)) ?? '';
    case 'hash': return JSON.stringify(await client.hgetall(key));
    case 'list': return JSON.stringify(await client.lrange(key, 0, -1));
    case 'set': return JSON.stringify(await client.smembers(key));
    case 'zset': return JSON.stringify(await client.zrange(key, 0, -1));
    case 'stream': return JSON.stringify(await client.xrange(key, '-', '+'));
    default: return '';
  }
}
