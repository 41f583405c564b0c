import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { OpenAPIObject } from '@nestjs/swagger';
import { AppModule } from '../app.module';
import { loadConfig } from '../config/load-config';
import { API_PREFIX, createFastifyAdapter, UNPREFIXED } from '../platform/http-app';
import { buildOpenApiDocument } from '../platform/openapi-document';

/**
 * The /docs-json document without Postgres or Redis: Nest's preview mode registers the api role's
 * modules and controllers but runs no provider factory, so nothing connects. Same builder, same
 * prefix as the served document (test/openapi-coverage.e2e-spec.ts compares the two).
 */
export async function previewOpenApiDocument(): Promise<OpenAPIObject> {
  // Never connected to: preview mode instantiates no provider.
  const config = loadConfig({ NODE_ENV: 'development', LOG_LEVEL: 'error', DATABASE_URL: 'postgres://preview@127.0.0.1:9/preview', REDIS_URL: 'redis://127.0.0.1:9' });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRole('api', config), createFastifyAdapter(config), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  app.setGlobalPrefix(API_PREFIX, { exclude: UNPREFIXED });
  try {
    return buildOpenApiDocument(app);
  } finally {
    await app.close();
  }
}

/** The document as committed in openapi/openapi.json: stable key order as built, two-space indent. */
export const serializeOpenApi = (document: OpenAPIObject): string => `${JSON.stringify(document, null, 2)}\n`;

if (require.main === module) {
  previewOpenApiDocument()
    .then((document) => process.stdout.write(serializeOpenApi(document)))
    .catch((error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : error);
      process.exit(1);
    });
}
