import Ajv, { ErrorObject, ValidateFunction } from 'ajv';

/**
 * JSON Schema checks of a submitted configuration (issue 5: "checks as JSON Schema (ajv)"). Remote
 * $refs are never fetched (no loadSchema). Each schema is compiled by its own Ajv instance (so two
 * instructors' schemas with the same $id never collide) and kept in a small bounded cache, because
 * an Ajv instance keeps every schema it compiled for as long as it lives.
 */
export interface SchemaCheck {
  schema: Record<string, unknown>;
  /** Message per JSON pointer (instancePath) or keyword, overriding the generated wording. */
  messages?: Record<string, string>;
}

export const MAX_SCHEMA_CHARS = 100_000;
export const MAX_SCHEMA_ERRORS = 50;
const CACHE_SIZE = 200;
const compiled = new Map<string, ValidateFunction>();

/** Throws with a readable reason when the instructor's schema is not a valid, self-contained JSON Schema. */
export function compileSchemaCheck(check: SchemaCheck): ValidateFunction {
  const text = JSON.stringify(check.schema);
  if (text.length > MAX_SCHEMA_CHARS) throw new Error(`the schema is larger than ${MAX_SCHEMA_CHARS / 1000} kB`);
  const cached = compiled.get(text);
  if (cached) {
    compiled.delete(text);
    compiled.set(text, cached);
    return cached;
  }
  const ajv = new Ajv({ allErrors: true, strict: false, validateSchema: true, messages: true, logger: false });
  if (!ajv.validateSchema(check.schema)) throw new Error(`the schema is invalid: ${ajv.errorsText(ajv.errors)}`);
  let validate: ValidateFunction;
  try {
    validate = ajv.compile(JSON.parse(text));
  } catch (error) {
    throw new Error(`the schema cannot be used: ${(error as Error).message}`);
  }
  compiled.set(text, validate);
  if (compiled.size > CACHE_SIZE) compiled.delete(compiled.keys().next().value!);
  return validate;
}

/** One feedback line per failed check; empty when the document satisfies the schema. */
export function runSchemaCheck(check: SchemaCheck, document: unknown, prefix = ''): string[] {
  const validate = compileSchemaCheck(check);
  if (validate(document)) return [];
  return (validate.errors ?? []).slice(0, MAX_SCHEMA_ERRORS).map((error) => describe(error, check.messages ?? {}, prefix));
}

/**
 * The instructor's message for the failing place or keyword, else a generated one that never
 * repeats an expected value from the schema (a `pattern`, `const` or `enum` would be the answer).
 */
function describe(error: ErrorObject, messages: Record<string, string>, prefix: string): string {
  const path = error.instancePath || '/';
  const own = messages[path] ?? messages[error.keyword];
  if (own) return own;
  return `${prefix ? prefix + error.instancePath : path} ${HIDDEN_EXPECTATIONS[error.keyword] ?? error.message ?? 'is not allowed'}`;
}

const HIDDEN_EXPECTATIONS: Record<string, string> = {
  pattern: 'does not have the expected form',
  const: 'does not have the expected value',
  enum: 'is not one of the allowed values',
  format: 'does not have the expected format',
  not: 'has a value that is not allowed',
  contains: 'does not contain an expected item',
};
