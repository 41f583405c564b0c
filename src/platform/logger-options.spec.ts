import { Writable } from 'node:stream';
import pino from 'pino';
import { ClsServiceManager } from 'nestjs-cls';
import { loadConfig } from '../config/load-config';
import { LOGGED_REQUEST, loggedRequestOf, loggerOptions } from './logger-options';

/** The api's root logger as nestjs-pino builds it (level, serializers, redaction, mixin), writing to an array. */
function capturingLogger() {
  const lines: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const text of chunk.toString('utf8').split('\n')) if (text) lines.push(JSON.parse(text));
      callback();
    },
  });
  const { level, serializers, mixin, redact } = loggerOptions(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'info' }), 'api').pinoHttp as pino.LoggerOptions;
  return { lines, logger: pino({ level, serializers, mixin, redact }, sink) };
}

describe('log lines written while a request is served carry the request', () => {
  it('names the request (id, method, URL without its query) inside its context, nothing outside', () => {
    const { lines, logger } = capturingLogger();
    const cls = ClsServiceManager.getClsService();
    cls.run(() => {
      cls.set(LOGGED_REQUEST, { id: 'r-1', method: 'GET', url: '/api/v1/me?token=secret', headers: { authorization: 'Bearer x' } });
      logger.warn({ detail: 'inside' }, 'inside');
      // The line's own req (the "request completed" line) is the one written.
      logger.info({ req: { id: 'r-1', method: 'GET', url: '/api/v1/me' } }, 'own');
    });
    logger.warn('outside');
    expect(lines.map((line) => [line.msg, line.req])).toEqual([
      ['inside', { id: 'r-1', method: 'GET', url: '/api/v1/me' }],
      ['own', { id: 'r-1', method: 'GET', url: '/api/v1/me' }],
      ['outside', undefined],
    ]);
    expect(JSON.stringify(lines)).not.toContain('secret');
  });
});

describe('what a request context keeps for its log lines', () => {
  it('is the id, method and URL copied out, never the request (a resource outliving the answer would keep it all alive)', () => {
    const request = { id: 'r-2', method: 'POST', url: '/api/v1/lessons/x/complete', headers: { authorization: 'Bearer x' }, raw: {}, body: { big: 'x'.repeat(1000) } };
    const kept = loggedRequestOf(request);
    expect(kept).toEqual({ id: 'r-2', method: 'POST', url: '/api/v1/lessons/x/complete' });
    expect(Object.values(kept).every((value) => typeof value === 'string')).toBe(true);
    const { lines, logger } = capturingLogger();
    const cls = ClsServiceManager.getClsService();
    cls.run(() => {
      cls.set(LOGGED_REQUEST, kept);
      logger.warn('inside');
    });
    expect(lines[0].req).toEqual({ id: 'r-2', method: 'POST', url: '/api/v1/lessons/x/complete' });
  });
});
