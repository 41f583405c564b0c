import fc from 'fast-check';
import { OpenApiDocument, resolveSchema, Schema } from './openapi';

const MAX_DEPTH = 4;

/** Strings a careless or hostile client sends: empty, huge, NUL, lone surrogates, SQL, paths, numbers-as-text. */
export const nastyString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.constantFrom('', ' ', '\u0000', '\ud800', "'; DROP TABLE app_user; --", '../../etc/passwd', '%00', '{}', '[]', 'null', 'NaN', '1e309', '-1', '00000000-0000-0000-0000-000000000000', '<script>alert(1)</script>', 'x'.repeat(20_000)),
);

export const anyJson = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  nastyString,
  fc.constantFrom(null, true, -1, 0, 2 ** 31, 2 ** 53 + 1, -1e308, 1.5, [], {}),
);

/** Values the schema describes (the valid side of the fuzz). */
export function validArbitrary(doc: OpenApiDocument, schemaOrRef: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  const s = resolveSchema(doc, schemaOrRef);
  if (depth > MAX_DEPTH) return fc.constant(null);
  if (s.enum) return fc.constantFrom(...(s.enum as unknown[]));
  switch (s.type) {
    case 'string': {
      if (s.format === 'email') return fc.emailAddress();
      if (s.format === 'uuid') return fc.uuid();
      if (s.format === 'date-time') return fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
      return fc.string({ minLength: s.minLength ?? 0, maxLength: Math.min(s.maxLength ?? 80, 200) });
    }
    case 'integer':
      return fc.integer({ min: s.minimum ?? -1_000_000, max: s.maximum ?? 1_000_000 });
    case 'number':
      return fc.double({ min: s.minimum ?? -1e6, max: s.maximum ?? 1e6, noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(validArbitrary(doc, s.items, depth + 1), { minLength: s.minItems ?? 0, maxLength: Math.min(s.maxItems ?? 5, 8) });
    case 'object':
    case undefined: {
      const properties: Record<string, Schema> = s.properties ?? {};
      if (Object.keys(properties).length === 0) return fc.constant({});
      const record = Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, validArbitrary(doc, value, depth + 1)]));
      return fc.record(record, { requiredKeys: (s.required ?? []).filter((k: string) => k in properties) }) as fc.Arbitrary<unknown>;
    }
    default:
      return anyJson;
  }
}

/** A valid value with one thing broken: a key dropped, a value of the wrong kind, an unknown key. */
export function mutatedArbitrary(doc: OpenApiDocument, schema: Schema): fc.Arbitrary<unknown> {
  const s = resolveSchema(doc, schema);
  const keys = Object.keys(s.properties ?? {});
  const valid = validArbitrary(doc, s);
  if (keys.length === 0) return fc.tuple(valid, fc.string({ minLength: 1, maxLength: 12 }), anyJson).map(([v, k, x]) => ({ ...(v as object), [k]: x }));
  return fc.tuple(valid, fc.constantFrom(...keys), anyJson, fc.nat(2)).map(([v, key, bad, how]) => {
    const copy = { ...(v as Record<string, unknown>) };
    if (how === 0) delete copy[key];
    else if (how === 1) copy[key] = bad;
    else copy[`${key}Extra`] = bad;
    return copy;
  });
}

export interface FuzzBody {
  json?: unknown;
  raw?: string;
}

/** Bodies for a write route: mostly from the schema, some broken, some anything, some not JSON at all. */
export function bodyArbitrary(doc: OpenApiDocument, schema: Schema | undefined): fc.Arbitrary<FuzzBody | undefined> {
  const raw = fc.oneof(fc.constantFrom('{', '{"a":', 'null', '[]', '"x"', '{"__proto__":{"admin":true}}', '{"constructor":{"prototype":{"x":1}}}'), fc.string({ maxLength: 40 })).map((r) => ({ raw: r }));
  const anything = anyJson.map((json) => ({ json }));
  if (!schema) return fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: anything }, { weight: 1, arbitrary: raw });
  return fc.oneof(
    { weight: 4, arbitrary: validArbitrary(doc, schema).map((json) => ({ json })) },
    { weight: 3, arbitrary: mutatedArbitrary(doc, schema).map((json) => ({ json })) },
    { weight: 1, arbitrary: anything },
    { weight: 1, arbitrary: raw },
  );
}

/** Query strings from the operation's query parameters, sometimes with junk values or unknown keys. */
export function queryArbitrary(doc: OpenApiDocument, parameters: any[]): fc.Arbitrary<Record<string, string>> {
  const query = parameters.filter((p) => p.in === 'query');
  const entries = Object.fromEntries(
    query.map((p) => [p.name, fc.option(fc.oneof(validArbitrary(doc, p.schema).map((v) => String(v)), nastyString), { nil: undefined })]),
  );
  return fc.tuple(fc.record(entries), fc.option(fc.tuple(fc.string({ minLength: 1, maxLength: 10 }), nastyString), { nil: undefined })).map(([values, extra]) => {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(values)) if (v !== undefined) out[k] = v as string;
    if (extra) out[extra[0]] = extra[1];
    return out;
  });
}

function encodable(text: string): boolean {
  try {
    encodeURIComponent(text); // throws on lone surrogates, which no client can put in a URL
    return true;
  } catch {
    return false;
  }
}

/** Path parameter values: random UUIDs, known ids of real objects, malformed text. */
export function paramArbitrary(knownIds: string[]): fc.Arbitrary<string> {
  return fc.oneof(fc.uuid(), ...(knownIds.length ? [fc.constantFrom(...knownIds)] : []), nastyString.filter((s) => s.length > 0 && s.length < 300 && encodable(s)));
}
