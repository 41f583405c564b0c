import { hash } from 'node:crypto';
import { constants as zlibConstants } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import compress from '@fastify/compress';
import etag from '@fastify/etag';
import { effectiveCacheControl, ifNoneMatchSatisfied } from '@gds/http';

/** Answers smaller than this go as they are: compressing them saves less than its framing costs. */
const COMPRESS_THRESHOLD_BYTES = 1024;

/**
 * Brotli for answers made per request: quality 4 (the plugin's default) with a 256 KB window
 * instead of brotli's 4 MB default. API answers are a few KB to a few hundred KB, so the larger
 * window gains nothing, while each compression allocates and touches it: under the 200-user load
 * that churn was the api's largest memory cost (issue 23.3). Built web assets are compressed at
 * build time, at the best quality.
 */
const DYNAMIC_BROTLI = {
  params: {
    [zlibConstants.BROTLI_PARAM_MODE]: zlibConstants.BROTLI_MODE_TEXT,
    [zlibConstants.BROTLI_PARAM_QUALITY]: 4,
    [zlibConstants.BROTLI_PARAM_LGWIN]: 18,
  },
};

/** Representation metadata a 304 must not repeat (RFC 9110 §15.4.5): the client keeps its own. */
const NOT_ON_304 = ['content-type', 'content-length', 'content-disposition', 'content-encoding'];

/**
 * Caching and compression for every answer of the api role, in the order the onSend hooks run (2's
 * tag is computed by @fastify/etag's hook first, then one hook sets 1. and evaluates 2.):
 * 1. Cache-Control: the route's policy for successful reads, `no-store` for errors and writes.
 * 2. ETag (@fastify/etag, weak, since the same tag names the br, gzip and plain encodings) on
 *    string and buffer answers; a 200 to GET or HEAD whose tag `If-None-Match` names becomes an
 *    empty 304. The plugin alone would tag errors and writes too and answer 304 to any method, and
 *    compares the header as one string, so the precondition is evaluated here (RFC 9110 §13.1.2).
 * 3. brotli or gzip (@fastify/compress) for compressible types over 1 KB; streamed answers are
 *    compressed as streams, PDFs (already compressed) go as they are. Compressed request bodies are
 *    refused (415): nothing here needs them, and inflating them would sidestep the body limit.
 */
export async function registerResponseEncoding(fastify: FastifyInstance): Promise<void> {
  // The same tags as the plugin's default (SHA-1, base64), by Node's one-shot hash: no Hash object per answer.
  await fastify.register(etag, { weak: true, replyWith304: false, hashFn: (payload: string | Buffer) => hash('sha1', payload, 'base64') });
  // One synchronous hook for 1. and 2. (an async hook costs a promise per answer).
  fastify.addHook('onSend', (request, reply, payload, done) => {
    const routePolicy = reply.getHeader('cache-control');
    reply.header('cache-control', effectiveCacheControl(request.method, reply.statusCode, typeof routePolicy === 'string' ? routePolicy : undefined));
    const tag = reply.getHeader('etag');
    if (typeof tag !== 'string') return done(null, payload);
    if ((request.method !== 'GET' && request.method !== 'HEAD') || reply.statusCode !== 200) {
      reply.removeHeader('etag');
      return done(null, payload);
    }
    if (!ifNoneMatchSatisfied(request.headers['if-none-match'], tag)) return done(null, payload);
    reply.code(304);
    for (const header of NOT_ON_304) reply.removeHeader(header);
    done(null, '');
  });
  await fastify.register(compress, {
    encodings: ['br', 'gzip'],
    threshold: COMPRESS_THRESHOLD_BYTES,
    brotliOptions: DYNAMIC_BROTLI,
    requestEncodings: ['identity'],
  });
}
