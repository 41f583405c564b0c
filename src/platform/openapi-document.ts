import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { declareCommonProblems } from '@gds/http';

/**
 * The OpenAPI document served at /docs-json. Built in one place so the served document, the
 * generated web client (`npm run api:types`) and the coverage test all see the same one. Problems
 * every operation can meet are added here (declareCommonProblems), the rest by each controller.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('GDS Academy API')
      .setDescription('Cohort-based upskilling: courses, cohorts, assessments, certificates, notifications, outcomes.')
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
      .addCookieAuth('gds_refresh', { type: 'apiKey', in: 'cookie', name: 'gds_refresh', description: 'Browser session refresh token (HttpOnly; set by POST /api/v1/auth/web/login)' }, 'gds_refresh')
      .build(),
  );
  return declareCommonProblems(document);
}
