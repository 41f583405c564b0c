import { randomBytes, randomUUID } from 'node:crypto';
import { HttpClient } from '@gds/testing';

export type Schema = Record<string, any>;
export interface OpenApiDocument {
  paths: Record<string, Record<string, any>>;
  components?: { schemas?: Record<string, Schema> };
}

export async function fetchOpenApi(api: HttpClient): Promise<OpenApiDocument> {
  const answer = await api.get('/docs-json');
  if (answer.status !== 200) throw new Error(`/docs-json answered ${answer.status}`);
  return answer.body;
}

/** Follows $ref and merges allOf, so callers see one plain schema. */
export function resolveSchema(doc: OpenApiDocument, schema: Schema | undefined): Schema {
  if (!schema) return {};
  if (schema.$ref) {
    const name = String(schema.$ref).split('/').pop() as string;
    return resolveSchema(doc, doc.components?.schemas?.[name]);
  }
  if (schema.allOf) {
    const parts = (schema.allOf as Schema[]).map((s) => resolveSchema(doc, s));
    return {
      ...Object.assign({}, ...parts),
      type: 'object',
      properties: Object.assign({}, ...parts.map((p) => p.properties ?? {})),
      required: parts.flatMap((p) => p.required ?? []),
    };
  }
  return schema;
}

export function operation(doc: OpenApiDocument, method: string, path: string): any | undefined {
  return doc.paths[path]?.[method.toLowerCase()];
}

export function requestBodySchema(doc: OpenApiDocument, op: any): Schema | undefined {
  const schema = op?.requestBody?.content?.['application/json']?.schema;
  return schema ? resolveSchema(doc, schema) : undefined;
}

const unique = () => randomBytes(5).toString('hex');

function stringExample(name: string, s: Schema): string {
  if (s.enum) return s.enum[0];
  if (s.format === 'email' || /email/i.test(name)) return `probe-${unique()}@example.test`;
  if (s.format === 'uuid' || /Id$/.test(name)) return randomUUID();
  if (s.format === 'date-time') return new Date().toISOString();
  if (s.format === 'date') return new Date().toISOString().slice(0, 10);
  if (s.format === 'uri' || /url$/i.test(name)) return 'https://example.test/x';
  const min = s.minLength ?? 1;
  const max = s.maxLength ?? 64;
  if (/password/i.test(name)) return `pw-${randomBytes(12).toString('hex')}`.slice(0, Math.max(min, Math.min(max, 27)));
  if (typeof s.example === 'string' && s.example.length >= min && s.example.length <= max) return s.example;
  return 'probe text '.repeat(Math.ceil(min / 11) + 1).slice(0, Math.max(min, Math.min(max, 10)));
}

/**
 * A minimal value the schema accepts: required properties only, the first enum value, the
 * smallest allowed number, a string of an allowed length (emails, ids, passwords by name).
 */
export function exampleFor(doc: OpenApiDocument, schemaOrRef: Schema | undefined, name = ''): unknown {
  const s = resolveSchema(doc, schemaOrRef);
  if (s.example !== undefined && s.type !== 'string' && s.type !== 'object') return s.example;
  switch (s.type) {
    case 'object':
    case undefined: {
      if (!s.properties) return {};
      const required: string[] = s.required ?? [];
      return Object.fromEntries(required.map((key) => [key, exampleFor(doc, s.properties[key], key)]));
    }
    case 'string':
      return stringExample(name, s);
    case 'integer':
    case 'number':
      return s.minimum ?? (s.maximum !== undefined ? Math.min(0, s.maximum) : 1);
    case 'boolean':
      return true;
    case 'array': {
      const items = resolveSchema(doc, s.items);
      const count = s.minItems ?? 1;
      if (items.enum) return items.enum.slice(0, Math.max(count, 1));
      return Array.from({ length: count }, () => exampleFor(doc, items, name));
    }
    default:
      return null;
  }
}
