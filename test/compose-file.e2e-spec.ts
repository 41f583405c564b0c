import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { AppConfig } from '../src/config/app-config';
import { DOCKERFILE_NODE_OPTIONS } from '../bench/harness/app-processes';

/**
 * There is no Docker engine here, so docker-compose.yml and the Dockerfile are checked by reading
 * them: the services, Redis settings queues need, roles, non-root user, health checks, and that
 * every variable compose sets is one the app knows.
 */
const root = path.resolve(__dirname, '..');
const compose = parse(readFileSync(path.join(root, 'docker-compose.yml'), 'utf8'), { merge: true });
const composeText = readFileSync(path.join(root, 'docker-compose.yml'), 'utf8');
const dockerfile = readFileSync(path.join(root, 'Dockerfile'), 'utf8');
const services: Record<string, any> = compose.services;

/** Variables compose passes for modules that are being built in parallel; each must become an AppConfig field. */
const AWAITING_CONFIG_FIELDS: string[] = [];
// Everything production refuses to start without (src/config/app-config.ts).
const REQUIRED_SECRETS = ['JWT_SECRET', 'FLAG_SECRET', 'ADMIN_PASSWORD', 'SANDBOX_ROLE_SECRET', 'WEBHOOK_SECRET_KEY', 'CERT_SIGNING_KEYS'];

const instructions = (keyword: string) =>
  dockerfile.split('\n').filter((line) => line.trim().toUpperCase().startsWith(`${keyword} `)).map((line) => line.trim().slice(keyword.length + 1).trim());

describe('docker-compose.yml', () => {
  it('runs postgres, a sandbox postgres, redis, api and worker', () => {
    expect(Object.keys(services).sort()).toEqual(['api', 'postgres', 'redis', 'sandbox-postgres', 'worker']);
  });

  it('runs trainees’ SQL on the sandbox server, never the app’s, as that server’s superuser', () => {
    const sandboxUrl = new URL(services.api.environment.SANDBOX_DATABASE_URL.replace(/\$\{[^}]+\}/g, 'x'));
    const appUrl = new URL(services.api.environment.DATABASE_URL.replace(/\$\{[^}]+\}/g, 'x'));
    expect(sandboxUrl.hostname).toBe('sandbox-postgres');
    expect(appUrl.hostname).toBe('postgres');
    expect(sandboxUrl.username).toBe(services['sandbox-postgres'].environment.POSTGRES_USER);
    expect(services['sandbox-postgres'].volumes?.length).toBeGreaterThan(0);
    const command: string[] = services['sandbox-postgres'].command;
    expect(command).toEqual(expect.arrayContaining(['temp_file_limit=256MB']));
  });

  it('keeps every queued job in Redis: noeviction and an append-only file', () => {
    const command: string[] = services.redis.command;
    expect(command[command.indexOf('--maxmemory-policy') + 1]).toBe('noeviction');
    expect(command[command.indexOf('--appendonly') + 1]).toBe('yes');
    expect(services.redis.volumes?.length).toBeGreaterThan(0);
  });

  it('builds api and worker from the Dockerfile with their role commands', () => {
    expect(services.api.build).toBe('.');
    expect(services.worker.build).toBe('.');
    expect(services.api.command).toEqual(['api']);
    expect(services.worker.command).toEqual(['worker']);
  });

  it('starts the app only once both Postgres servers and Redis are healthy', () => {
    for (const name of ['api', 'worker']) {
      expect(services[name].depends_on).toEqual({ postgres: { condition: 'service_healthy' }, 'sandbox-postgres': { condition: 'service_healthy' }, redis: { condition: 'service_healthy' } });
    }
  });

  it('gives every service a real health check', () => {
    for (const [name, service] of Object.entries(services)) {
      expect({ name, test: service.healthcheck?.test?.length > 1 }).toEqual({ name, test: true });
      const command = service.healthcheck.test.join(' ');
      expect(command).not.toMatch(/process\.exit\(0\)\s*"?$/);
    }
    expect(services.api.healthcheck.test.join(' ')).toContain('/health/ready');
  });

  it('checks the worker by its heartbeat file, younger than several beats', () => {
    const file = services.worker.environment.WORKER_HEARTBEAT_FILE;
    expect(file).toMatch(/^\//);
    const check = services.worker.healthcheck.test.join(' ');
    expect(check).toContain(file);
    const maxAgeMs = Number(/<(\d+)/.exec(check)?.[1]);
    const interval = Number(services.worker.environment.WORKER_HEARTBEAT_INTERVAL_MS ?? new AppConfig().WORKER_HEARTBEAT_INTERVAL_MS);
    expect(maxAgeMs).toBeGreaterThanOrEqual(3 * interval);
  });

  it('sets only variables the app knows', () => {
    const known = Object.keys(new AppConfig());
    for (const name of ['api', 'worker']) {
      const unknown = Object.keys(services[name].environment).filter((v) => !known.includes(v) && !AWAITING_CONFIG_FIELDS.includes(v));
      expect({ service: name, unknown }).toEqual({ service: name, unknown: [] });
    }
    // A variable awaiting its field must leave the list once its module adds it.
    expect(AWAITING_CONFIG_FIELDS.filter((v) => known.includes(v))).toEqual([]);
  });

  it('runs in production and demands the secrets instead of defaulting them', () => {
    for (const name of ['api', 'worker']) expect(services[name].environment.NODE_ENV).toBe('production');
    for (const secret of REQUIRED_SECRETS) expect(composeText).toMatch(new RegExp(`${secret}: \\$\\{${secret}:\\?`));
  });
});

describe('Dockerfile', () => {
  it('is multi-stage and runs the built app', () => {
    expect(instructions('FROM').length).toBeGreaterThanOrEqual(2);
    expect(instructions('ENTRYPOINT').pop()).toBe('["node", "dist/src/main.js"]');
  });

  it('builds and runs on the current Node LTS (24), while engines keeps the oldest Node the code supports', () => {
    const images = instructions('FROM').map((line) => line.split(/\s+/)[0]);
    expect(images.length).toBeGreaterThanOrEqual(2);
    for (const image of images) expect(image).toMatch(/^node:24(\.\d+)*-[a-z]+-slim$/);
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    expect(pkg.engines.node).toBe('>=20.19');
    // CI tests on the machine's Node, which the engines range must admit.
    const [major, minor] = process.versions.node.split('.').map(Number);
    expect(major > 20 || (major === 20 && minor >= 19)).toBe(true);
  });

  it('runs as a non-root user', () => {
    const user = instructions('USER').pop();
    expect(user).toBeDefined();
    expect(['root', '0']).not.toContain(user?.split(':')[0]);
  });

  it('has a health check and ships no development dependencies', () => {
    expect(dockerfile).toMatch(/^HEALTHCHECK /m);
    expect(dockerfile).toMatch(/npm prune --omit=dev/);
  });

  it('runs the Node and malloc settings the benches measure (bench/harness/app-processes.ts)', () => {
    // The RSS figures of issue 23.3 hold only for these: a drift would make the benches measure another heap.
    expect(dockerfile).toMatch(new RegExp(`^ENV NODE_OPTIONS="${DOCKERFILE_NODE_OPTIONS}"$`, 'm'));
    expect(DOCKERFILE_NODE_OPTIONS).toMatch(/--max-old-space-size=\d+/);
    expect(dockerfile).toMatch(/^ENV MALLOC_ARENA_MAX=2$/m);
  });

  it('copies every directory the build compiles', () => {
    const tsconfig = JSON.parse(readFileSync(path.join(root, 'tsconfig.build.json'), 'utf8'));
    for (const dir of tsconfig.include as string[]) expect(dockerfile).toMatch(new RegExp(`^COPY ${dir} \\./${dir}$`, 'm'));
  });
});
