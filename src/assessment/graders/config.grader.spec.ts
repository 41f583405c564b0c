import { ProblemException } from '@gds/http';
import { ConfigGrader } from './config.grader';
import { ConfigKey } from './config-rules';

const grader = new ConfigGrader();

async function grade(rawKey: unknown, document: string, format?: 'json' | 'yaml') {
  const key = grader.validateKey(rawKey);
  const answer = grader.validateAnswer({ document, ...(format ? { format } : {}) }, key);
  return grader.grade({ key, answer, traineeId: 't', assessmentId: 'a', versionId: 'v', submissionId: 's', maxScore: 10 });
}

const one = (rule: Record<string, unknown>) => ({ rules: [{ points: 1, message: 'failed', ...rule }] });
const passes = async (rule: Record<string, unknown>, document: unknown) => (await grade(one(rule), JSON.stringify(document))).score === 10;

const IAM_KEY = {
  rules: [
    { id: 'version', check: 'equals', path: '$.Version', value: '2012-10-17', points: 1, message: 'Use policy language version 2012-10-17.' },
    { id: 'no-wildcard-actions', check: 'noWildcard', path: '$.Statement[*].Action', points: 3, message: "Grant named actions, not '*'." },
    { id: 'no-wildcard-principals', check: 'noWildcard', path: '$.Statement[*].Principal', points: 3, message: 'Name the principals; never everyone.' },
    { id: 'allow-only', check: 'oneOf', path: '$.Statement[*].Effect', values: ['Allow', 'Deny'], points: 1, message: 'Effect is Allow or Deny.' },
    { id: 'conditions', check: 'required', path: '$.Statement[*].Condition', points: 2, message: 'Every statement needs a Condition.' },
  ],
};

const GOOD_POLICY = {
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::123456789012:role/reporting' },
      Action: ['s3:GetObject', 's3:ListBucket'],
      Resource: ['arn:aws:s3:::reports', 'arn:aws:s3:::reports/*'],
      Condition: { Bool: { 'aws:SecureTransport': 'true' } },
    },
  ],
};

describe('ConfigGrader: an AWS-IAM-like policy', () => {
  it('gives full marks to a least-privilege policy', async () => {
    const outcome = await grade(IAM_KEY, JSON.stringify(GOOD_POLICY));
    expect(outcome).toMatchObject({ score: 10, feedback: { status: 'graded', format: 'json', points: 10, totalPoints: 10, lines: [] } });
  });

  it('lists each failed rule with its message and where it failed', async () => {
    const bad = {
      Version: '2008-10-17',
      Statement: [GOOD_POLICY.Statement[0], { Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: '*' }],
    };
    const outcome = await grade(IAM_KEY, JSON.stringify(bad));
    expect(outcome.score).toBe(1);
    const results = outcome.feedback.results as Array<Record<string, unknown>>;
    expect(results.map((r) => [r.id, r.passed, r.at])).toEqual([
      ['version', false, '$.Version'],
      ['no-wildcard-actions', false, '$.Statement[1].Action'],
      ['no-wildcard-principals', false, '$.Statement[1].Principal'],
      ['allow-only', true, undefined],
      ['conditions', false, '$.Statement[1].Condition'],
    ]);
    expect(outcome.feedback.lines).toEqual([
      'Use policy language version 2012-10-17.',
      "Grant named actions, not '*'.",
      'Name the principals; never everyone.',
      'Every statement needs a Condition.',
    ]);
  });

  it('shows trainees rule descriptions without the expected values', () => {
    const view = grader.publicView(grader.validateKey(IAM_KEY));
    expect(JSON.stringify(view)).not.toContain('2012-10-17');
    expect(JSON.stringify(view)).not.toContain('Deny');
    expect((view.rules as unknown[])[0]).toEqual({ id: 'version', points: 1, description: '`$.Version` must have an expected value.' });
  });
});

describe('ConfigGrader: a security group in YAML', () => {
  const key = {
    format: 'yaml',
    rules: [
      { id: 'ssh', check: 'notOpenToWorld', path: '$.SecurityGroupIngress[*]', ports: [22, 3389], points: 5, message: 'SSH and RDP must not be open to the internet.' },
      { id: 'https-only', check: 'notOpenToWorld', path: '$.SecurityGroupIngress[?]', points: 0, message: 'x' },
    ],
  };

  it('refuses a malformed path', () => {
    expect(() => grader.validateKey(key)).toThrow(ProblemException);
  });

  const sgKey = { format: 'yaml', rules: [key.rules[0], { id: 'described', check: 'required', path: '$.GroupDescription', points: 5, message: 'Describe the group.' }] };

  it('passes HTTPS open to the world and SSH from the office only', async () => {
    const document = `
GroupDescription: web servers
SecurityGroupIngress:
  - IpProtocol: tcp
    FromPort: 443
    ToPort: 443
    CidrIp: 0.0.0.0/0
  - IpProtocol: tcp
    FromPort: 22
    ToPort: 22
    CidrIp: 203.0.113.0/24
`;
    expect(await grade(sgKey, document)).toMatchObject({ score: 10, feedback: { format: 'yaml' } });
  });

  it('fails SSH inside an open port range, on IPv6 too', async () => {
    const document = `
GroupDescription: web servers
SecurityGroupIngress:
  - { IpProtocol: tcp, FromPort: 20, ToPort: 25, CidrIpv6: "::/0" }
`;
    const outcome = await grade(sgKey, document);
    expect(outcome.score).toBe(5);
    expect(outcome.feedback.lines).toEqual(['SSH and RDP must not be open to the internet.']);
  });

  it('fails an all-traffic rule (protocol -1 without ports)', async () => {
    const outcome = await grade(sgKey, 'GroupDescription: x\nSecurityGroupIngress:\n  - { IpProtocol: "-1", CidrIp: 0.0.0.0/0 }\n');
    expect(outcome.score).toBe(5);
  });
});

describe('ConfigGrader: each rule type', () => {
  it.each([
    ['required', { check: 'required', path: '$.a.b' }, { a: { b: 0 } }, { a: {} }],
    ['absent', { check: 'absent', path: '$.public' }, { private: true }, { public: true }],
    ['equals (deep)', { check: 'equals', path: '$.tags', value: { env: 'prod' } }, { tags: { env: 'prod' } }, { tags: { env: 'dev' } }],
    ['notEquals', { check: 'notEquals', path: '$.acl', value: 'public-read' }, { acl: 'private' }, { acl: 'public-read' }],
    ['oneOf', { check: 'oneOf', path: '$.tls', values: ['TLSv1.2', 'TLSv1.3'] }, { tls: 'TLSv1.3' }, { tls: 'TLSv1' }],
    ['atLeast', { check: 'atLeast', path: '$.retentionDays', value: 30 }, { retentionDays: 90 }, { retentionDays: 7 }],
    ['atMost', { check: 'atMost', path: '$.ttl', value: 3600 }, { ttl: 60 }, { ttl: '60' }],
    ['noWildcard', { check: 'noWildcard', path: '$.Statement[*].Action' }, { Statement: [{ Action: ['s3:GetObject'] }] }, { Statement: [{ Action: ['s3:Get*'] }] }],
    ['notOpenToWorld', { check: 'notOpenToWorld', path: '$.rules[*]', ports: [5432] }, { rules: [{ sourceRanges: ['0.0.0.0/0'], ports: ['443'] }] }, { rules: [{ sourceRanges: ['0.0.0.0/0'], ports: ['5000-6000'] }] }],
    ['encrypted (object)', { check: 'encrypted', path: "$.bucket['encryption']" }, { bucket: { encryption: { SSEAlgorithm: 'aws:kms' } } }, { bucket: { encryption: { enabled: false } } }],
    ['encrypted (flag)', { check: 'encrypted', path: '$.disks[*].encrypted' }, { disks: [{ encrypted: true }] }, { disks: [{ encrypted: true }, { encrypted: 'none' }] }],
  ])('%s', async (_name, rule, good, bad) => {
    expect(await passes(rule, good)).toBe(true);
    expect(await passes(rule, bad)).toBe(false);
  });

  it('needs at least one node for required, equals and encrypted, but not for the negative checks', async () => {
    expect(await passes({ check: 'required', path: '$.items[*].name' }, { items: [] })).toBe(false);
    expect(await passes({ check: 'noWildcard', path: '$.items[*].name' }, { items: [] })).toBe(true);
    expect(await passes({ check: 'absent', path: '$.a.b.c' }, { x: 1 })).toBe(true);
  });

  it('walks object wildcards and quoted keys', async () => {
    const rule = { check: 'noWildcard', path: "$.policies.*['allowed actions']" };
    expect(await passes(rule, { policies: { a: { 'allowed actions': ['read'] }, b: { 'allowed actions': ['write'] } } })).toBe(true);
    expect(await passes(rule, { policies: { a: { 'allowed actions': ['read'] }, b: { 'allowed actions': ['*'] } } })).toBe(false);
  });

  it('does not read inherited properties', async () => {
    expect(await passes({ check: 'required', path: '$.constructor' }, {})).toBe(false);
    expect(await passes({ check: 'absent', path: "$['__proto__'].polluted" }, JSON.parse('{"__proto__": {"polluted": 1}}'))).toBe(false);
  });
});

describe('ConfigGrader: unreadable documents are feedback, never errors', () => {
  const key = one({ check: 'required', path: '$.a' });

  it.each([
    ['invalid JSON', '{"a": 1', 'json', /JSON could not be read/],
    ['invalid YAML', 'a: [1, 2\nb: }', 'yaml', /YAML could not be read/],
    ['duplicate YAML keys', 'a: 1\na: 2', 'yaml', /unique/],
    ['several YAML documents', 'a: 1\n---\na: 2', 'yaml', /multiple documents/],
    ['a YAML alias bomb', ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...'bcdefgh'.split('').map((c, i) => `${c}: &${c} [${Array(9).fill(`*${'abcdefg'[i]}`).join(',')}]`)].join('\n'), 'yaml', /alias/],
    ['nesting too deep', '['.repeat(5000) + ']'.repeat(5000), 'json', /deeper than 64/],
    ['YAML flow nesting', '['.repeat(100_000) + ']'.repeat(100_000), 'yaml', /deeper than 64/],
    ['YAML block nesting', Array.from({ length: 100 }, (_, i) => `${' '.repeat(i)}k:`).join('\n'), 'yaml', /deeper than 64/],
    ['too large', JSON.stringify({ a: 'x'.repeat(300 * 1024) }), 'json', /larger than 256 KiB/],
  ])('%s', async (_name, document, format, message) => {
    const parsedKey = grader.validateKey(key);
    // Size is refused when the answer is submitted; the grader also holds the line if handed one.
    const outcome = await grader.grade({ key: parsedKey, answer: { document, format: format as 'json' | 'yaml' }, traineeId: 't', assessmentId: 'a', versionId: 'v', submissionId: 's', maxScore: 10 });
    expect(outcome.score).toBe(0);
    expect(outcome.feedback.status).toBe('unreadable');
    expect(String(outcome.feedback.message)).toMatch(message);
  });

  it('reads YAML tags and anchors as plain data, never executing anything', async () => {
    const document = 'base: &base { a: 1 }\ncopy: *base\nfn: !!js/function "function () { return 1 }"\nd: 2020-01-01\n';
    const outcome = await grade(one({ check: 'equals', path: '$.copy', value: { a: 1 } }), document);
    expect(outcome.score).toBe(10);
    expect(await passes({ check: 'equals', path: '$.d', value: '2020-01-01' }, { d: '2020-01-01' })).toBe(true);
  });

  it('reads the format the key names, whatever the trainee says', async () => {
    const outcome = await grade({ format: 'json', ...one({ check: 'required', path: '$.a' }) }, 'a: 1', 'yaml');
    expect(outcome.feedback).toMatchObject({ status: 'unreadable', format: 'json' });
  });

  it('detects JSON from its first character when the key says auto', async () => {
    expect(await grade(one({ check: 'required', path: '$.a' }), ' {"a": 1}')).toMatchObject({ score: 10, feedback: { format: 'json' } });
    expect(await grade(one({ check: 'required', path: '$.a' }), 'a: 1')).toMatchObject({ score: 10, feedback: { format: 'yaml' } });
  });

  it('refuses an answer of the wrong shape or size with 400', () => {
    const key = grader.validateKey(one({ check: 'required', path: '$.a' })) as ConfigKey;
    for (const bad of [null, 'a: 1', { document: 1 }, { document: 'a', extra: 1 }, { document: 'a', format: 'xml' }, { document: 'x'.repeat(300 * 1024) }]) {
      expect(() => grader.validateAnswer(bad, key)).toThrow(expect.objectContaining({ status: 400 }));
    }
  });
});

describe('ConfigGrader.validateKey', () => {
  it.each([
    ['no rules', { rules: [] }],
    ['an unknown check', one({ check: 'executes', path: '$.a' })],
    ['a path without $', one({ check: 'required', path: 'a.b' })],
    ['a filter expression', one({ check: 'required', path: '$.a[?(@.x)]' })],
    ['equals without value', one({ check: 'equals', path: '$.a' })],
    ['atLeast with a string', one({ check: 'atLeast', path: '$.a', value: '3' })],
    ['oneOf without values', one({ check: 'oneOf', path: '$.a', values: [] })],
    ['ports on another check', one({ check: 'required', path: '$.a', ports: [22] })],
    ['bad ports', one({ check: 'notOpenToWorld', path: '$.a', ports: [70000] })],
    ['negative points', one({ check: 'required', path: '$.a', points: -1 })],
    ['no message', { rules: [{ check: 'required', path: '$.a', points: 1 }] }],
    ['unknown fields', one({ check: 'required', path: '$.a', script: 'x' })],
    ['duplicate ids', { rules: [{ id: 'x', check: 'required', path: '$.a', points: 1, message: 'm' }, { id: 'x', check: 'absent', path: '$.b', points: 1, message: 'm' }] }],
    ['a bad format', { format: 'xml', rules: one({ check: 'required', path: '$.a' }).rules }],
    ['an invalid JSON Schema', one({ check: 'schema', schema: { type: 'no-such-type' } })],
    ['a schema that is not an object', one({ check: 'schema', schema: 'type: object' })],
    ['a schema with a remote $ref', one({ check: 'schema', schema: { $ref: 'https://example.invalid/s.json' } })],
    ['a schema on another check', one({ check: 'required', path: '$.a', schema: { type: 'object' } })],
    ['messages that are not texts', one({ check: 'schema', schema: { type: 'object' }, messages: { '/a': 3 } })],
  ])('refuses %s with 422', (_name, key) => {
    let caught: unknown;
    try {
      grader.validateKey(key);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ProblemException);
    expect((caught as ProblemException).getStatus()).toBe(422);
    expect((caught as ProblemException).slug).toBe('invalid-config-key');
  });
});

describe('ConfigGrader.validateKey: the stored key', () => {
  it('names rules without an id so that the stored key validates again unchanged', () => {
    const stored = grader.validateKey({ rules: [{ check: 'required', path: '$.a', points: 1, message: 'm' }, { id: 'b', check: 'absent', path: '$.b', points: 1, message: 'm' }] });
    expect(stored.rules.map((r) => r.id)).toEqual(['rule-1', 'b']);
    expect(grader.validateKey(JSON.parse(JSON.stringify(stored)))).toEqual(stored);
  });
});

describe('ConfigGrader: JSON Schema rules', () => {
  const DEPLOYMENT_KEY = {
    rules: [
      {
        id: 'shape',
        check: 'schema',
        points: 4,
        message: 'The manifest must follow the deployment policy.',
        schema: {
          type: 'object',
          required: ['kind', 'spec'],
          properties: {
            kind: { const: 'Deployment' },
            spec: {
              type: 'object',
              required: ['replicas'],
              properties: { replicas: { type: 'integer', minimum: 2 }, image: { type: 'string', pattern: '^registry\\.internal/secret-prefix-' } },
            },
          },
        },
        messages: { '/spec/replicas': 'Run at least two replicas.' },
      },
      { id: 'no-privileged', check: 'absent', path: '$.spec.privileged', points: 1, message: 'Never run privileged.' },
    ],
  };

  it('passes a compliant document', async () => {
    const result = await grade(DEPLOYMENT_KEY, JSON.stringify({ kind: 'Deployment', spec: { replicas: 3, image: 'registry.internal/secret-prefix-app' } }));
    expect(result.score).toBe(10);
    expect(result.feedback.lines).toEqual([]);
  });

  it('turns every schema error into one feedback line, the instructor’s message where given, without the expected values', async () => {
    const result = await grade(DEPLOYMENT_KEY, 'kind: Pod\nspec:\n  replicas: 1\n  image: docker.io/x\n  privileged: true\n');
    const lines = result.feedback.lines as string[];
    expect(lines).toEqual(expect.arrayContaining(['Run at least two replicas.', 'Never run privileged.']));
    expect(lines.some((l) => l.startsWith('/kind '))).toBe(true);
    expect(lines.some((l) => l.startsWith('/spec/image '))).toBe(true);
    expect(lines).toHaveLength(4);
    expect(JSON.stringify(result.feedback)).not.toMatch(/secret-prefix|Deployment/);
    expect(result.score).toBe(0);
  });

  it('applies a schema to every node a path reaches, naming the node', async () => {
    const key = { rules: [{ check: 'schema', path: '$.rules[*]', points: 1, message: 'Each rule needs a port.', schema: { type: 'object', required: ['port'] } }] };
    const result = await grade(key, JSON.stringify({ rules: [{ port: 1 }, { cidr: 'x' }] }));
    expect(result.feedback.lines).toEqual(["$.rules[1] must have required property 'port'"]);
  });

  it('shows trainees a description, never the schema', () => {
    const view = JSON.stringify(grader.publicView(grader.validateKey(DEPLOYMENT_KEY)));
    expect(view).not.toMatch(/secret-prefix|Deployment|minimum/);
    expect(view).toContain('structure the instructor specified');
  });
});
