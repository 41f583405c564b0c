import { compileSchemaCheck, runSchemaCheck } from './json-schema-checks';

const bucketSchema = {
  type: 'object',
  required: ['encryption', 'publicAccess'],
  properties: {
    encryption: { const: 'aws:kms' },
    publicAccess: { const: false },
    versioning: { type: 'boolean' },
  },
};

describe('JSON Schema checks', () => {
  it('answers one line per failed check, with the instructor’s messages where given', () => {
    const lines = runSchemaCheck(
      { schema: bucketSchema, messages: { '/publicAccess': 'Public access must be blocked.' } },
      { encryption: 'none', publicAccess: true },
    );
    expect(lines).toHaveLength(2);
    expect(lines).toContain('Public access must be blocked.');
    expect(lines.some((l) => l.startsWith('/encryption'))).toBe(true);
  });

  it('passes a compliant document', () => {
    expect(runSchemaCheck({ schema: bucketSchema }, { encryption: 'aws:kms', publicAccess: false, versioning: true })).toEqual([]);
  });

  it('refuses an invalid schema when the instructor writes it', () => {
    expect(() => compileSchemaCheck({ schema: { type: 'no-such-type' } })).toThrow(/invalid/);
  });
});
