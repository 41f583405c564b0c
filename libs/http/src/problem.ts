import { HttpException } from '@nestjs/common';

export interface FieldError {
  field: string;
  message: string;
}

export const PROBLEM_BASE = 'https://gds-academy.dev/problems/';

/**
 * A domain error that leaves as RFC 9457 problem+json. `slug` is the stable part of `type`
 * (`.../problems/attempts-exhausted`) that clients may switch on.
 */
export class ProblemException extends HttpException {
  constructor(
    status: number,
    readonly slug: string,
    readonly title: string,
    readonly detail?: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super({ slug, title, detail, ...extra }, status);
  }

  get problemStatus(): number {
    return this.getStatus();
  }
}

export const badRequest = (slug: string, detail: string, errors?: FieldError[]) =>
  new ProblemException(400, slug, 'Bad request', detail, errors ? { errors } : {});
export const forbidden = (detail = 'You may not do this.') => new ProblemException(403, 'forbidden', 'Forbidden', detail);
/** 404 is also the answer for things that exist but are not the caller's to see. */
export const notFound = (what: string) => new ProblemException(404, 'not-found', 'Not found', `${what} was not found.`);
export const conflict = (slug: string, detail: string, extra?: Record<string, unknown>) =>
  new ProblemException(409, slug, 'Conflict', detail, extra);
export const unprocessable = (slug: string, detail: string, extra?: Record<string, unknown>) =>
  new ProblemException(422, slug, 'Unprocessable request', detail, extra);
