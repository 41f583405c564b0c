import { hash } from 'node:crypto';
import { constants as zlibConstants } from 'node:zlib';
import type { FastifyInstance, FastifyReply } from 'fastify';
import compress from '@fastify/compress';
import { effectiveCacheControl, ifNoneMatchSatisfied } from '@gds/http';

/**
 * Answers smaller than this go as they are: below 1 KB brotli saves 50–450 bytes for 8–40 µs of CPU
 * (bench/response-encoding-cost.ts), and with the ~0.6 KB of headers every answer carries the
 * saving rarely changes the number of TCP segments. @fastify/compress's default, kept on purpose.
 */
export const COMPRESS_THRESHOLD_BYTES = 1024;

/**
 * Brotli for answers made per request: quality 2, a 256 KB window. Measured on the api's own
 * answers (bench/response-encoding-cost.ts, bench/findings/floor.md): quality 4 (the plugin's default)
 * costs 2.5–3× the CPU of quality 2 for 5–7 % fewer bytes (a 2.4 KB course version: 72 against
 * 27 µs, 1,014 against 1,076 bytes; a 10 KB list: 173 against 66 µs, 3.0 against 3.3 KB). API
 * answers are a few KB, so either size fits in the first flight of a TCP connection (10 segments)
 * and the extra bytes cost no round trip, while the api's CPU is what bounds its throughput on the
 * shared two cores. Quality 2 costs about what gzip's default does and is as small or smaller on
 * larger lists (an 83 KB list: 3.3 KB against gzip's 3.8 KB); quality 1 is larger than gzip.
 * The 256 KB window instead of brotli's 4 MB: each compression allocates and touches it, and under
 * the 200-user load that churn was the api's largest memory cost (issue 23.3). Built web assets
 * are compressed at build time, at the best quality.
 */
export const DYNAMIC_BROTLI_QUALITY = 2;
const DYNAMIC_BROTLI = {
  params: {
    [zlibConstants.BROTLI_PARAM_MODE]: zlibConstants.BROTLI_MODE_TEXT,
    [zlibConstants.BROTLI_PARAM_QUALITY]: DYNAMIC_BROTLI_QUALITY,
    [zlibConstants.BROTLI_PARAM_LGWIN]: 18,
  },
};

/**
 * Answers up to this size that are whole in memory are compressed in one synchronous call, above it
 * through a zlib stream. The plugin's default on two cores is 8 KB, so a 10 KB list (GET /skills)
 * went the stream way: a Readable over the string, a Transform, a pipeline and a chunked answer,
 * whose scheduling cost more CPU than the compression itself (a profile of GET /skills:
 * readable-stream 2 % self, 18 % inclusive). The stream path pays off only with idle cores to hand
 * the compression to (libuv's pool); the api shares two cores that the load run keeps busy, so the
 * CPU per request is what counts. At quality 2 a 64 KB answer is a few hundred µs on the event loop.
 */
export const SYNC_COMPRESS_MAX_BYTES = 64 * 1024;

/** Representation metadata a 304 must not repeat (RFC 9110 §15.4.5): the client keeps its own. */
const NOT_ON_304 = ['content-type', 'content-length', 'content-disposition', 'content-encoding'];

/**
 * Caching and compression for every answer of the api role, in the order the onSend hooks run:
 * 1. Cache-Control: the route's policy for successful reads, `no-store` for errors and writes.
 * 2. ETag (weak, since the same tag names the br, gzip and plain encodings) on string and buffer
 *    answers to GET and HEAD with status 200, as @fastify/etag tagged them before (its default
 *    SHA-1 in base64, here by Node's one-shot hash: no Hash object per answer); a tag the route set
 *    itself is kept. A 200 whose tag `If-None-Match` names becomes an empty 304 (RFC 9110 §13.1.2,
 *    the header read as a list). Errors and writes carry no tag: the plugin tagged every answer and
 *    a second hook took the tag off again, so one hook now does both, and hashes only what keeps its tag.
 * 3. brotli or gzip (@fastify/compress) for compressible types over 1 KB; streamed answers are
 *    compressed as streams, PDFs (already compressed) go as they are. Compressed request bodies are
 *    refused (415): nothing here needs them, and inflating them would sidestep the body limit.
 */
export async function registerResponseEncoding(fastify: FastifyInstance, addAnswerHeaders?: (reply: FastifyReply) => void): Promise<void> {
  // One synchronous hook for 1. and 2. (an async hook costs a promise per answer), which also puts
  // on the headers every answer carries (`addAnswerHeaders`: the security headers, http-app.ts):
  // each hook is a step of Fastify's hook runner per answer.
  fastify.addHook('onSend', (request, reply, payload, done) => {
    addAnswerHeaders?.(reply);
    const routePolicy = reply.getHeader('cache-control');
    reply.header('cache-control', effectiveCacheControl(request.method, reply.statusCode, typeof routePolicy === 'string' ? routePolicy : undefined));
    const tagged = (request.method === 'GET' || request.method === 'HEAD') && reply.statusCode === 200;
    let tag = reply.getHeader('etag');
    if (!tagged) {
      if (tag !== undefined) reply.removeHeader('etag');
      return done(null, payload);
    }
    if (!tag) {
      if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return done(null, payload);
      tag = `W/"${hash('sha1', payload, 'base64')}"`;
      reply.header('etag', tag);
    }
    if (typeof tag !== 'string' || !ifNoneMatchSatisfied(request.headers['if-none-match'], tag)) return done(null, payload);
    reply.code(304);
    for (const header of NOT_ON_304) reply.removeHeader(header);
    done(null, '');
  });
  await fastify.register(compress, {
    encodings: ['br', 'gzip'],
    threshold: COMPRESS_THRESHOLD_BYTES,
    syncThreshold: SYNC_COMPRESS_MAX_BYTES,
    brotliOptions: DYNAMIC_BROTLI,
    requestEncodings: ['identity'],
  });
}
