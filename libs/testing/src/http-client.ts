import { OpenApiContract } from './openapi-contract';

export interface HttpAnswer<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface RequestOptions {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
  raw?: string;
  /** false for a request that deliberately leaves the contract (protocol probes); see OpenApiContract. */
  contract?: boolean;
}

export interface HttpClientOptions {
  /** Check every answer against the app's /docs-json (default true): the document cannot drift from the code. */
  contract?: boolean;
}

/**
 * A small fetch wrapper for tests over real HTTP. Every answer is checked against the OpenAPI
 * document the app serves (fetched once per jest run: OpenApiContract.forRun): a status the operation does not declare, or
 * a JSON body that does not match its declared schema, fails the request with the reason.
 */
export class HttpClient {
  private contract?: Promise<OpenApiContract>;

  constructor(
    readonly baseUrl: string,
    private readonly options: HttpClientOptions = {},
  ) {}

  async request<T = any>(method: string, path: string, options: RequestOptions = {}): Promise<HttpAnswer<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined = options.raw;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(this.baseUrl + path, { method, headers, body });
    const text = await response.text();
    const type = response.headers.get('content-type') ?? '';
    let parsed: unknown = text;
    if (/json/.test(type) && text) parsed = JSON.parse(text);
    if (options.contract !== false && this.options.contract !== false) {
      const violation = (await this.contractOf()).violation(method.toUpperCase(), path, response.status, type, parsed);
      if (violation) throw new Error(`OpenAPI contract: ${violation}\n  (request: ${method} ${path.slice(0, 200)})`);
    }
    return { status: response.status, headers: response.headers, body: parsed as T, text };
  }

  private contractOf(): Promise<OpenApiContract> {
    this.contract ??= OpenApiContract.forRun(this.baseUrl);
    return this.contract;
  }

  get<T = any>(path: string, token?: string, headers?: Record<string, string>) {
    return this.request<T>('GET', path, { token, headers });
  }

  post<T = any>(path: string, body?: unknown, token?: string) {
    return this.request<T>('POST', path, { body, token });
  }

  patch<T = any>(path: string, body?: unknown, token?: string) {
    return this.request<T>('PATCH', path, { body, token });
  }

  put<T = any>(path: string, body?: unknown, token?: string) {
    return this.request<T>('PUT', path, { body, token });
  }

  delete<T = any>(path: string, token?: string) {
    return this.request<T>('DELETE', path, { token });
  }
}
