import type { AppConfig } from './app-config';

/**
 * Job slots per queue in a worker process. Progress jobs are short transactions and notification
 * fan-outs mostly so: with WORKER_CONCURRENCY slots on each of three busy queues against a pool of
 * 20 connections, ~70 % of the worker's connection checkouts waited and the grading jobs trainees
 * wait for queued behind them (issue 23, quiz-grading). So by default progress takes a quarter of
 * WORKER_CONCURRENCY and notifications half (16 → 4 and 8: graded/s 0.78 → 0.85 and 0.94 of the bare
 * worker in two idle runs); each can be set on its own, and lowering WORKER_CONCURRENCY lowers all.
 */
export function queueConcurrencies(config: Pick<AppConfig, 'WORKER_CONCURRENCY' | 'WORKER_PROGRESS_CONCURRENCY' | 'WORKER_NOTIFICATION_CONCURRENCY'>) {
  return {
    progress: config.WORKER_PROGRESS_CONCURRENCY ?? Math.ceil(config.WORKER_CONCURRENCY / 4),
    notifications: config.WORKER_NOTIFICATION_CONCURRENCY ?? Math.ceil(config.WORKER_CONCURRENCY / 2),
  };
}
