import { randomBytes } from 'node:crypto';
import { expect, type APIRequestContext } from '@playwright/test';

export interface Person {
  id: string;
  email: string;
  password: string;
  displayName: string;
}

/** Sets up what a journey needs through the API, as the admin or another user would (no database shortcuts). */
export class ApiHelper {
  private adminToken: string | undefined;

  constructor(
    readonly request: APIRequestContext,
    private readonly admin: { email: string; password: string },
  ) {}

  async tokenOf(email: string, password: string): Promise<string> {
    const response = await this.request.post('/api/v1/auth/login', { data: { email, password } });
    expect(response.status(), await response.text()).toBe(200);
    return (await response.json()).accessToken;
  }

  async asAdmin(): Promise<string> {
    this.adminToken ??= await this.tokenOf(this.admin.email, this.admin.password);
    return this.adminToken;
  }

  /** A new trainee account made through the public registration route. */
  async registerTrainee(name = 'Ana Trainee'): Promise<Person> {
    const email = `trainee-${randomBytes(4).toString('hex')}@gds.test`;
    const password = 'trainee-password-1';
    const response = await this.request.post('/api/v1/auth/register', { data: { email, password, displayName: name } });
    expect(response.status(), await response.text()).toBe(201);
    return { id: (await response.json()).id, email, password, displayName: name };
  }

  async call<T = any>(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, token: string, data?: unknown, expected?: number): Promise<T> {
    const response = await this.request.fetch(url, { method, data: data as never, headers: { authorization: `Bearer ${token}` } });
    const text = await response.text();
    if (expected !== undefined) expect(response.status(), `${method} ${url}: ${text}`).toBe(expected);
    else expect(response.ok(), `${method} ${url}: ${response.status()} ${text}`).toBe(true);
    return (text ? JSON.parse(text) : undefined) as T;
  }
}
