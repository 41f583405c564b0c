import http from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

export interface HttpAnswer {
  status: number;
  /** Parsed JSON when the answer says it is JSON, else the text ('' when empty). */
  body: any;
}

/**
 * The load generator's HTTP client: node:http over a keep-alive agent. Global fetch (undici's
 * WHATWG layer: Request/Response/Headers objects, streams, a promise per chunk) took about 0.7 ms
 * of CPU per request in the generator, which shares the machine's two cores with the app it
 * measures; this costs a fraction of that (bench/README.md, "Profile of the 200-user load").
 * One socket per in-flight request, kept open between requests like fetch's pool. It asks for
 * brotli or gzip as a browser (and fetch) does, so the api compresses what it would compress for a
 * phone, and the generator pays the decompression as a browser would.
 */
export function httpClient(baseUrl: string) {
  const url = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity, scheduling: 'lifo' });
  return {
    request(method: string, path: string, options: { token?: string; body?: unknown } = {}): Promise<HttpAnswer> {
      const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
      const headers: Record<string, string | number> = { 'accept-encoding': 'br, gzip' };
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      if (payload !== undefined) {
        headers['content-type'] = 'application/json';
        headers['content-length'] = Buffer.byteLength(payload);
      }
      return new Promise((resolve, reject) => {
        const req = http.request({ agent, host: url.hostname, port: url.port, method, path, headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', reject);
          res.on('end', () => {
            try {
              const text = decoded(res.headers['content-encoding'], chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)).toString('utf8');
              resolve({ status: res.statusCode ?? 0, body: text && /json/.test(res.headers['content-type'] ?? '') ? JSON.parse(text) : text });
            } catch (error) {
              reject(error);
            }
          });
        });
        req.on('error', reject);
        req.end(payload);
      });
    },
    close: () => agent.destroy(),
  };
}

function decoded(encoding: string | undefined, body: Buffer): Buffer {
  if (encoding === 'br') return brotliDecompressSync(body);
  if (encoding === 'gzip') return gunzipSync(body);
  return body;
}
