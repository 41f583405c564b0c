import { OpenApiContract } from './openapi-contract';

const problem = { content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemView' } } }, description: '' };
const document = {
  paths: {
    '/api/v1/things/{id}': {
      get: {
        responses: {
          '200': { description: '', content: { 'application/json': { schema: { $ref: '#/components/schemas/ThingView' } } } },
          '404': problem,
        },
      },
    },
    '/api/v1/things/mine': {
      get: { responses: { '200': { description: '', content: { 'text/csv': { schema: { type: 'string' } } } } } },
    },
  },
  components: {
    schemas: {
      ProblemView: { type: 'object', required: ['type', 'title', 'status'], properties: { type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' } } },
      ThingView: {
        type: 'object',
        required: ['id', 'kind', 'owner'],
        properties: {
          id: { type: 'string', format: 'uuid' },
          kind: { type: 'string', enum: ['a', 'b'], nullable: true },
          owner: { nullable: true, allOf: [{ $ref: '#/components/schemas/OwnerView' }] },
        },
      },
      OwnerView: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } },
    },
  },
};

describe('OpenApiContract', () => {
  const contract = new OpenApiContract(document);
  const id = '6f1c2a52-9d1e-4a8e-9a43-1f0c9a1b2c3d';

  it('accepts an answer that matches its declared schema, nullable members included', () => {
    expect(contract.violation('GET', `/api/v1/things/${id}?x=1`, 200, 'application/json; charset=utf-8', { id, kind: null, owner: null })).toBeUndefined();
    expect(contract.violation('GET', `/api/v1/things/${id}`, 200, 'application/json', { id, kind: 'a', owner: { name: 'n' } })).toBeUndefined();
    expect(contract.violation('GET', `/api/v1/things/${id}`, 404, 'application/problem+json', { type: 't', title: 'Not found', status: 404 })).toBeUndefined();
  });

  it('names the operation, the status and what is wrong with a body', () => {
    const violation = contract.violation('GET', `/api/v1/things/${id}`, 200, 'application/json', { id: 'nope', kind: 'c', owner: { name: 1 } });
    expect(violation).toContain('GET /api/v1/things/{id} answered 200');
    expect(violation).toContain('/id must match format "uuid"');
    expect(violation).toContain('/kind');
    expect(violation).toContain('/owner/name must be string');
  });

  it('refuses a status the operation does not declare, and a problem without its schema', () => {
    expect(contract.violation('GET', `/api/v1/things/${id}`, 409, 'application/problem+json', {})).toMatch(/answered 409, which the document does not declare \(declared: 200, 404\)/);
    expect(contract.violation('GET', `/api/v1/things/${id}`, 404, 'application/problem+json', { title: 'x' })).toMatch(/must have required property 'type'/);
  });

  it('prefers a static path to a template, and checks only the status of non-JSON bodies', () => {
    expect(contract.violation('GET', '/api/v1/things/mine', 200, 'text/csv', 'a,b')).toBeUndefined();
    expect(contract.violation('GET', '/api/v1/things/mine', 200, 'application/json', {})).toMatch(/as application\/json, which the document does not declare/);
  });

  it('leaves alone what names no documented operation', () => {
    expect(contract.violation('GET', '/app/index.html', 200, 'text/html', '')).toBeUndefined();
    expect(contract.violation('DELETE', `/api/v1/things/${id}`, 405, 'application/problem+json', {})).toBeUndefined();
  });
});
