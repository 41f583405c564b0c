import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import 'reflect-metadata';
import { getMetadataStorage } from 'class-validator';
import { createValidationPipe } from '@gds/http';
import { UpdateMeDto } from '../src/identity/dto/user.dto';
import { RefreshDto } from '../src/identity/dto/auth.dto';

/**
 * CPU of the api's ValidationPipe per validated body, with class-validator's own metadata lookups
 * and with them cached (libs/http/src/validation-metadata-cache.ts): `node
 * dist/bench/validation-metadata-cost.js`. Every DTO module of the app is loaded first, as in the
 * api, since the uncached lookup's cost grows with the number of classes that have rules.
 * Alternates the two 5 times (the cache is bypassed by calling the storage's original methods).
 */
const CALLS = 20_000;

function loadEveryDto(dir: string): void {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) loadEveryDto(path);
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- every DTO module, found at run time
    else if (/\.dto\.js$/.test(name)) require(path);
  }
}

async function main(): Promise<void> {
  const storage = getMetadataStorage();
  const original = { getTargetValidationMetadatas: storage.getTargetValidationMetadatas, groupByPropertyName: storage.groupByPropertyName };
  loadEveryDto(join(__dirname, '../src'));
  const pipe = createValidationPipe(); // installs the cache
  const cached = { getTargetValidationMetadatas: storage.getTargetValidationMetadatas, groupByPropertyName: storage.groupByPropertyName };
  console.log(`classes with rules: ${(storage as unknown as { validationMetadatas: Map<unknown, unknown> }).validationMetadatas.size}`);
  const cases: Array<[string, unknown, object]> = [
    ['PATCH /me body (UpdateMeDto)', UpdateMeDto, { displayName: 'Ana', district: 'Cayo', consentVersion: 1 }],
    ['POST /auth/refresh body (RefreshDto)', RefreshDto, { refreshToken: 'a'.repeat(64) }],
  ];
  for (const [label, metatype, body] of cases) {
    const run = async () => {
      const start = process.cpuUsage();
      for (let i = 0; i < CALLS; i++) await pipe.transform({ ...body }, { type: 'body', metatype: metatype as never });
      const used = process.cpuUsage(start);
      return (used.user + used.system) / CALLS;
    };
    const without: number[] = [];
    const withCache: number[] = [];
    for (let round = 0; round < 5; round++) {
      Object.assign(storage, original);
      without.push(await run());
      Object.assign(storage, cached);
      withCache.push(await run());
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[2].toFixed(1);
    const range = (xs: number[]) => `${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)}`;
    console.log(`${label}: uncached ${median(without)} µs (${range(without)}), cached ${median(withCache)} µs (${range(withCache)}) per validation`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
