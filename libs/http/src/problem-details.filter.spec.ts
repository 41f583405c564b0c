import { ArgumentsHost, Logger } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { ProblemDetailsFilter } from './problem-details.filter';

/** What the filter sends for `error` on a matched route. */
function answerTo(error: unknown): { status: number; type: string; body: Record<string, unknown> } {
  const sent = { status: 0, type: '', body: {} as Record<string, unknown> };
  const reply = {
    sent: false,
    status: (status: number) => ((sent.status = status), reply),
    header: (name: string, value: string) => (name === 'content-type' && (sent.type = value), reply),
    send: (text: string) => (sent.body = JSON.parse(text)),
  };
  const request = { url: '/api/v1/things?x=1', id: 'req-1', is404: false };
  const host = { getType: () => 'http', switchToHttp: () => ({ getRequest: () => request, getResponse: () => reply }) } as unknown as ArgumentsHost;
  new ProblemDetailsFilter().catch(error, host);
  return sent;
}

describe('ProblemDetailsFilter: a transaction Postgres aborted', () => {
  beforeEach(() => jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined));
  afterEach(() => jest.restoreAllMocks());

  // What surfaces once @Transactional() has used its retries (libs/database/src/transaction-retry.ts).
  it.each(['40P01', '40001'])('%s after the last retry answers 503 unavailable as problem+json', (code) => {
    const error = new QueryFailedError('UPDATE t SET n = 1', [], Object.assign(new Error('deadlock detected'), { code }));
    const answer = answerTo(error);
    expect(answer.status).toBe(503);
    expect(answer.type).toBe('application/problem+json; charset=utf-8');
    expect(answer.body).toMatchObject({ status: 503, type: expect.stringMatching(/\/unavailable$/), instance: '/api/v1/things', requestId: 'req-1' });
    expect(JSON.stringify(answer.body)).not.toMatch(/UPDATE|deadlock/);
  });
});
