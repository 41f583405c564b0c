import { createHash } from 'node:crypto';
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync } from 'node:zlib';
import Fastify, { FastifyInstance } from 'fastify';
import { COMPRESS_THRESHOLD_BYTES, DYNAMIC_BROTLI_QUALITY, registerResponseEncoding, SYNC_COMPRESS_MAX_BYTES } from './response-encoding';

/** A JSON answer of about `bytes` bytes. */
const answerOf = (bytes: number) => ({ items: Array.from({ length: Math.ceil(bytes / 40) }, (_, i) => ({ id: i, title: `Module ${i} of the course` })) });

describe('response encoding (caching and compression of the api role)', () => {
  let app: FastifyInstance;
  const small = answerOf(COMPRESS_THRESHOLD_BYTES / 2);
  const large = answerOf(COMPRESS_THRESHOLD_BYTES * 3);
  const tenKilobytes = answerOf(10 * 1024);
  const huge = answerOf(SYNC_COMPRESS_MAX_BYTES * 2);

  beforeAll(async () => {
    app = Fastify();
    await registerResponseEncoding(app);
    app.get('/small', async (_request, reply) => reply.header('cache-control', 'private, no-cache').send(small));
    app.get('/large', async (_request, reply) => reply.header('cache-control', 'private, no-cache').send(large));
    app.get('/own-tag', async (_request, reply) => reply.header('cache-control', 'private, no-cache').header('etag', '"v7"').send(small));
    app.get('/missing', async (_request, reply) => reply.code(404).header('etag', '"v7"').send({ title: 'Not Found' }));
    app.post('/small', async () => small);
    app.get('/text', async (_request, reply) => reply.type('text/plain').send(Buffer.from('plain words')));
    app.get('/ten-kilobytes', async (_request, reply) => reply.send(tenKilobytes));
    app.get('/huge', async (_request, reply) => reply.send(huge));
    await app.ready();
  });
  afterAll(() => app.close());

  it('leaves an answer under the threshold as it is, whatever the client accepts', async () => {
    expect(JSON.stringify(small).length).toBeLessThan(COMPRESS_THRESHOLD_BYTES);
    const answer = await app.inject({ url: '/small', headers: { 'accept-encoding': 'br, gzip' } });
    expect(answer.headers['content-encoding']).toBeUndefined();
    expect(answer.json()).toEqual(small);
  });

  it('sends brotli at the dynamic quality to a client that accepts it, gzip to one that accepts only gzip', async () => {
    const body = Buffer.from(JSON.stringify(large));
    expect(body.length).toBeGreaterThan(COMPRESS_THRESHOLD_BYTES);
    const br = await app.inject({ url: '/large', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString())).toEqual(large);
    // Byte for byte what brotli makes at the chosen quality and window (brotli's output is deterministic).
    const expected = brotliCompressSync(body, {
      params: { [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT, [constants.BROTLI_PARAM_QUALITY]: DYNAMIC_BROTLI_QUALITY, [constants.BROTLI_PARAM_LGWIN]: 18 },
    });
    expect(br.rawPayload.equals(expected)).toBe(true);
    expect(Number(br.headers['content-length'])).toBe(expected.length);

    const gzip = await app.inject({ url: '/large', headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gzip.rawPayload).toString())).toEqual(large);
    const plain = await app.inject({ url: '/large' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.json()).toEqual(large);
  });

  it('tags every encoding of an answer with the same weak ETag of the plain body, and answers it 304', async () => {
    const plain = await app.inject({ url: '/large' });
    const br = await app.inject({ url: '/large', headers: { 'accept-encoding': 'br' } });
    const tag = plain.headers.etag as string;
    expect(tag).toMatch(/^W\/".+"$/);
    expect(br.headers.etag).toBe(tag);
    const again = await app.inject({ url: '/large', headers: { 'accept-encoding': 'br', 'if-none-match': tag } });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);
    expect(again.headers['content-encoding']).toBeUndefined();
    expect(again.headers['cache-control']).toBe('private, no-cache');
    const otherTag = await app.inject({ url: '/small', headers: { 'if-none-match': tag } });
    expect(otherTag.statusCode).toBe(200);
  });

  it('tags as @fastify/etag did (weak, SHA-1 of the plain body in base64), strings and buffers alike', async () => {
    const plain = await app.inject({ url: '/small' });
    expect(plain.headers.etag).toBe(`W/"${createHash('sha1').update(plain.rawPayload).digest('base64')}"`);
    const text = await app.inject({ url: '/text' });
    expect(text.headers.etag).toBe(`W/"${createHash('sha1').update('plain words').digest('base64')}"`);
    const head = await app.inject({ method: 'HEAD', url: '/small' });
    expect(head.headers.etag).toBe(plain.headers.etag);
    const headAgain = await app.inject({ method: 'HEAD', url: '/small', headers: { 'if-none-match': `"x", ${plain.headers.etag as string}` } });
    expect(headAgain.statusCode).toBe(304);
  });

  it('keeps a tag the route set, and answers it 304', async () => {
    const own = await app.inject({ url: '/own-tag' });
    expect(own.headers.etag).toBe('"v7"');
    const again = await app.inject({ url: '/own-tag', headers: { 'if-none-match': 'W/"v7"' } });
    expect(again.statusCode).toBe(304);
    expect(again.headers['content-type']).toBeUndefined();
  });

  it('puts no tag on errors and writes, and never answers them 304', async () => {
    const missing = await app.inject({ url: '/missing', headers: { 'if-none-match': '"v7"' } });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers.etag).toBeUndefined();
    expect(missing.headers['cache-control']).toBe('no-store');
    const tag = (await app.inject({ url: '/small' })).headers.etag as string;
    const posted = await app.inject({ method: 'POST', url: '/small', headers: { 'if-none-match': tag } });
    expect(posted.statusCode).toBe(200);
    expect(posted.headers.etag).toBeUndefined();
    expect(posted.json()).toEqual(small);
  });

  it('compresses an answer of up to 64 KB in one call (a known length), a larger one as a stream (chunked)', async () => {
    const medium = await app.inject({ url: '/ten-kilobytes', headers: { 'accept-encoding': 'br' } });
    expect(Buffer.byteLength(JSON.stringify(tenKilobytes))).toBeGreaterThan(8 * 1024);
    expect(medium.headers['content-encoding']).toBe('br');
    expect(Number(medium.headers['content-length'])).toBe(medium.rawPayload.length);
    expect(medium.headers['transfer-encoding']).toBeUndefined();
    expect(JSON.parse(brotliDecompressSync(medium.rawPayload).toString())).toEqual(tenKilobytes);
    const big = await app.inject({ url: '/huge', headers: { 'accept-encoding': 'br' } });
    expect(big.headers['content-encoding']).toBe('br');
    expect(big.headers['content-length']).toBeUndefined();
    expect(JSON.parse(brotliDecompressSync(big.rawPayload).toString())).toEqual(huge);
  });
});
