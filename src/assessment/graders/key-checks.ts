import { FieldError, badRequest, unprocessable } from '@gds/http';

/**
 * Small structural checks shared by the graders' key and answer validation. Keys are instructor
 * JSON: a bad key is a 422 naming every problem; a bad answer is a 400.
 */
export class ShapeErrors {
  readonly errors: FieldError[] = [];

  add(field: string, message: string): void {
    if (this.errors.length < 50) this.errors.push({ field, message });
  }

  object(value: unknown, field: string): Record<string, unknown> | undefined {
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
    this.add(field, 'must be an object');
    return undefined;
  }

  array(value: unknown, field: string, min: number, max: number): unknown[] {
    if (!Array.isArray(value)) {
      this.add(field, 'must be an array');
      return [];
    }
    if (value.length < min || value.length > max) this.add(field, `must hold ${min} to ${max} items`);
    return value.slice(0, max);
  }

  text(value: unknown, field: string, max: number, min = 1): string {
    if (typeof value !== 'string' || value.length < min || value.length > max) {
      this.add(field, `must be a string of ${min} to ${max} characters`);
      return '';
    }
    return value;
  }

  number(value: unknown, field: string, min: number, max: number): number {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
      this.add(field, `must be a number from ${min} to ${max}`);
      return 0;
    }
    return value;
  }

  id(value: unknown, field: string): string {
    if (typeof value !== 'string' || !/^[A-Za-z0-9_-]{1,40}$/.test(value)) {
      this.add(field, 'must be an id of 1 to 40 letters, digits, _ or -');
      return '';
    }
    return value;
  }

  unique(ids: string[], field: string): void {
    if (new Set(ids).size !== ids.length) this.add(field, 'ids must be unique');
  }

  onlyKeys(value: Record<string, unknown>, allowed: string[], field: string): void {
    for (const key of Object.keys(value)) if (!allowed.includes(key)) this.add(`${field}.${key}`, 'is not a known field');
  }

  throwInvalidKey(kind: string): void {
    if (this.errors.length > 0) throw unprocessable('invalid-key', `The ${kind} key is invalid.`, { errors: this.errors });
  }

  throwInvalidAnswer(): void {
    if (this.errors.length > 0) throw badRequest('invalid-answer', 'The answer is invalid.', this.errors);
  }
}

/** Scales points earned out of a total to the assessment's max score, to 2 decimals. */
export function scaleScore(earned: number, total: number, maxScore: number): number {
  if (total <= 0) return 0;
  return Math.round((Math.max(0, Math.min(earned, total)) / total) * maxScore * 100) / 100;
}
