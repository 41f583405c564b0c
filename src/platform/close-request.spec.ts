import { request as httpRequest } from 'node:http';
import { Writable } from 'node:stream';
import Fastify, { FastifyInstance } from 'fastify';
import pino from 'pino';
import { waitFor } from '@gds/testing';
import { loadConfig } from '../config/load-config';
import { closeRequest } from './close-request';
import { loggerOptions } from './logger-options';
import type { MetricsService } from './metrics.service';

interface Line {
  level: number;
  msg: string;
  req?: { id: string; method: string; url: string };
  res?: { statusCode: number };
  responseTime?: number;
}

/** The api's root logger (its serializers), writing to an array instead of stdout. */
function capturingLogger() {
  const lines: Line[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const text of chunk.toString('utf8').split('\n')) if (text) lines.push(JSON.parse(text) as Line);
      callback();
    },
  });
  const options = loggerOptions(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'info' }), 'api').pinoHttp as { serializers: pino.LoggerOptions['serializers'] };
  return { lines, logger: pino({ level: 'info', serializers: options.serializers }, sink) };
}

const observed: Array<{ status: string; route: string }> = [];
const metrics = { requestDuration: { observe: (labels: { status: string; route: string }) => observed.push(labels) } } as unknown as MetricsService;

describe('closeRequest: one line per answer, one per client that went away', () => {
  let fastify: FastifyInstance;
  let captured: ReturnType<typeof capturingLogger>;
  let release: (() => void) | undefined;
  let slowStarted = false;

  beforeEach(async () => {
    captured = capturingLogger();
    fastify = Fastify({ genReqId: () => 'req-1' });
    closeRequest(fastify, metrics, () => captured.logger);
    fastify.get('/ok', async () => ({ ok: true }));
    fastify.get('/boom', async () => {
      throw new Error('boom');
    });
    fastify.get('/slow', (_request, reply) => {
      slowStarted = true;
      release = () => void reply.send({ late: true });
    });
    await fastify.listen({ port: 0, host: '127.0.0.1' });
  });
  afterEach(async () => {
    release?.();
    release = undefined;
    slowStarted = false;
    await fastify.close();
  });

  it.each([
    ['/ok?secret=1', 200, 30, 'info'],
    ['/missing', 404, 40, 'warn'],
    ['/boom', 500, 50, 'error'],
  ])('logs %s as "request completed" with status %d at level %d', async (url, status, level) => {
    const answer = await fastify.inject({ method: 'GET', url });
    expect(answer.statusCode).toBe(status);
    const line = await waitFor(() => captured.lines.find((l) => l.msg === 'request completed'), { what: 'the completed line' });
    expect(line).toMatchObject({ level, req: { id: 'req-1', method: 'GET', url: url.split('?')[0] }, res: { statusCode: status } });
    expect(typeof line.responseTime).toBe('number');
    expect(observed.at(-1)?.status).toBe(String(status));
  });

  it('follows a level the root logger is given at run time', async () => {
    expect((await fastify.inject({ method: 'GET', url: '/ok' })).statusCode).toBe(200);
    await waitFor(() => captured.lines.find((l) => l.msg === 'request completed'), { what: 'the first completed line' });
    captured.logger.level = 'warn';
    expect((await fastify.inject({ method: 'GET', url: '/ok' })).statusCode).toBe(200);
    expect((await fastify.inject({ method: 'GET', url: '/missing' })).statusCode).toBe(404);
    await waitFor(() => captured.lines.find((l) => l.res?.statusCode === 404), { what: 'the 404 line, at warn' });
    expect(captured.lines.filter((l) => l.msg === 'request completed').map((l) => l.res?.statusCode)).toEqual([200, 404]);
  });

  it('logs a client that disconnects before its answer as "request aborted" at warn, with the request and the time it took', async () => {
    const address = fastify.server.address() as { port: number };
    const client = httpRequest({ host: '127.0.0.1', port: address.port, path: '/slow?x=1', method: 'GET' });
    client.on('error', () => undefined);
    client.end();
    await waitFor(() => slowStarted, { what: 'the handler to run' });
    client.destroy();
    const line = await waitFor(() => captured.lines.find((l) => l.msg === 'request aborted'), { what: 'the aborted line' });
    expect(line).toMatchObject({ level: 40, req: { id: 'req-1', method: 'GET', url: '/slow' } });
    expect(typeof line.responseTime).toBe('number');
    expect(captured.lines.some((l) => l.msg === 'request completed')).toBe(false);
  });

  it('writes no lines when request logging is off, and still records the latency', async () => {
    await fastify.close();
    captured = capturingLogger();
    fastify = Fastify();
    closeRequest(fastify, metrics, undefined);
    fastify.get('/ok', async () => ({ ok: true }));
    const before = observed.length;
    expect((await fastify.inject({ method: 'GET', url: '/ok' })).statusCode).toBe(200);
    expect(observed.length).toBe(before + 1);
    expect(captured.lines).toEqual([]);
  });
});
