import { parse } from 'csv-parse/sync';
import { isEmail, isUUID } from 'class-validator';
import { badRequest, FieldError, unprocessable } from '@gds/http';
import type { ImportRow } from './enrollment.entity';

const REQUIRED = ['email', 'displayName'];
const OPTIONAL = ['courseVersionId'];

/**
 * Parses and checks a trainee CSV before anything is written: a malformed file or a wrong header is
 * a 400, any bad row a 422 listing every bad row (line numbers as in the file, header = line 1).
 */
export function parseTraineeCsv(text: string, options: TraineeCsvOptions): ImportRow[] {
  const { rows, errors } = checkTraineeCsv(text, options);
  if (errors.length > 0) {
    throw unprocessable('csv-invalid-rows', `${new Set(errors.map((e) => e.line)).size} row(s) are invalid; nothing was imported.`, { errors: errors.slice(0, 500) });
  }
  return rows;
}

export interface TraineeCsvOptions {
  maxRows: number;
  courseVersionIds: string[];
}

/**
 * Reads every row and lists each bad row's problems without throwing for them (the import's preview
 * shows them per row); a file that cannot be read at all (malformed, wrong header, empty, too many
 * rows) still answers 400/422 here.
 */
export function checkTraineeCsv(text: string, options: TraineeCsvOptions): { rows: ImportRow[]; errors: Array<FieldError & { line: number }> } {
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), { skip_empty_lines: true, trim: true, relax_column_count: false });
  } catch (error) {
    throw badRequest('csv-malformed', `The CSV cannot be read: ${(error as Error).message.slice(0, 200)}`);
  }
  const [header, ...body] = records;
  if (!header || !REQUIRED.every((c) => header.includes(c)) || header.some((c) => ![...REQUIRED, ...OPTIONAL].includes(c)) || new Set(header).size !== header.length) {
    throw badRequest('csv-header', `The header must be ${REQUIRED.join(',')} (optionally ,${OPTIONAL.join(',')}); got "${(header ?? []).join(',').slice(0, 200)}".`);
  }
  if (body.length === 0) throw unprocessable('csv-empty', 'The CSV has no trainee rows.');
  if (body.length > options.maxRows) throw unprocessable('csv-too-large', `A CSV may hold at most ${options.maxRows} rows; this one has ${body.length}.`);
  const col = (name: string) => header.indexOf(name);
  const errors: Array<FieldError & { line: number }> = [];
  const seen = new Map<string, number>();
  const rows = body.map((cells, index): ImportRow => {
    const line = index + 2;
    const email = cells[col('email')] ?? '';
    const displayName = cells[col('displayName')] ?? '';
    const version = col('courseVersionId') >= 0 ? cells[col('courseVersionId')] || null : null;
    if (!isEmail(email) || email.length > 254) errors.push({ line, field: 'email', message: 'must be an email address' });
    if (displayName.length < 1 || displayName.length > 120) errors.push({ line, field: 'displayName', message: 'must be 1 to 120 characters' });
    if (version !== null && (!isUUID(version) || !options.courseVersionIds.includes(version))) {
      errors.push({ line, field: 'courseVersionId', message: 'must be one of the cohort’s course versions' });
    }
    if (version === null && options.courseVersionIds.length !== 1) errors.push({ line, field: 'courseVersionId', message: 'is required: the cohort runs several course versions' });
    const key = email.toLowerCase();
    if (seen.has(key)) errors.push({ line, field: 'email', message: `repeats line ${seen.get(key)}` });
    else seen.set(key, line);
    return { line, email, displayName, courseVersionId: version };
  });
  return { rows, errors };
}
