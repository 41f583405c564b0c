import Ajv, { ErrorObject, ValidateFunction } from 'ajv';

/**
 * JSON Schema checks of a submitted configuration (issue 5: "checks as JSON Schema (ajv)"). The
 * instructor's schema is compiled once per use; remote $refs are never fetched (no loadSchema).
 */
const ajv = new Ajv({ allErrors: true, strict: false, validateSchema: true, messages: true });

export interface SchemaCheck {
  schema: Record<string, unknown>;
  /** Message per JSON pointer (instancePath) or keyword, overriding ajv's wording. */
  messages?: Record<string, string>;
}

/** Throws with a readable reason when the instructor's schema is not a valid JSON Schema. */
export function compileSchemaCheck(check: SchemaCheck): ValidateFunction {
  if (JSON.stringify(check.schema).length > 100_000) throw new Error('the schema is larger than 100 kB');
  if (!ajv.validateSchema(check.schema)) throw new Error(`the schema is invalid: ${ajv.errorsText(ajv.errors)}`);
  return ajv.compile(check.schema);
}

/** One feedback line per failed check; empty when the document satisfies the schema. */
export function runSchemaCheck(check: SchemaCheck, document: unknown): string[] {
  const validate = compileSchemaCheck(check);
  if (validate(document)) return [];
  return (validate.errors ?? []).slice(0, 50).map((error) => describe(error, check.messages ?? {}));
}

function describe(error: ErrorObject, messages: Record<string, string>): string {
  const path = error.instancePath || '/';
  return messages[path] ?? messages[error.keyword] ?? `${path} ${error.message ?? 'is not allowed'}`;
}
