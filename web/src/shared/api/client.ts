import createClient from 'openapi-fetch';
import type { paths } from './schema.gen';
import { sessionMiddleware } from '../auth/session-middleware';
import { session } from '../auth/session';

/**
 * The one client of the API, typed from the OpenAPI document (schema.gen.ts, generated: never
 * edit it). Every request goes through the session middleware: the access token is added, and
 * a 401 refreshes the session once and repeats the request.
 */
export const api = createClient<paths>({ baseUrl: '/', credentials: 'same-origin' });
api.use(sessionMiddleware(session));
