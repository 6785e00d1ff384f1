/** A logged-in Admin API client over `server.inject`, and the staff of a test newsroom. */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Services } from '../../src/services/index.js';

/** The password every test account has. */
export const TEST_PASSWORD = 'mot-de-passe-de-test';

/** One account per role (plus a second author, to test "own vs other's"). */
export interface Staff {
  administrator: number;
  editor: number;
  author: number;
  otherAuthor: number;
  contributor: number;
}

/** Creates the staff accounts. */
export async function buildStaff(services: Services): Promise<Staff> {
  const make = (email: string, name: string, role: string) => services.users.createUser({ email, name, role, password: TEST_PASSWORD });
  return {
    administrator: await make('admin@example.org', 'Alice Admin', 'administrator'),
    editor: await make('editeur@example.org', 'Édith Éditrice', 'editor'),
    author: await make('auteur@example.org', 'Arthur Auteur', 'author'),
    otherAuthor: await make('autre@example.org', 'Olga Autre', 'author'),
    contributor: await make('pigiste@example.org', 'Cora Contributrice', 'contributor'),
  };
}

/** The login email of each role of {@link buildStaff}. */
export const STAFF_EMAILS: Record<keyof Staff, string> = {
  administrator: 'admin@example.org',
  editor: 'editeur@example.org',
  author: 'auteur@example.org',
  otherAuthor: 'autre@example.org',
  contributor: 'pigiste@example.org',
};

/** A request of the client. */
export interface ClientRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  payload?: unknown;
  headers?: Record<string, string>;
}

/** An Admin API client: a cookie session with its CSRF token, or nothing (anonymous). */
export class AdminClient {
  cookie: string | undefined;
  csrfToken: string | undefined;

  constructor(
    private readonly server: FastifyInstance,
    readonly ip = '127.0.0.1',
  ) {}

  /** Logs in; returns the response (the client keeps the cookie and token on success). */
  async login(email: string, password = TEST_PASSWORD): Promise<LightMyRequestResponse> {
    const res = await this.request({ method: 'POST', url: '/api/admin/session', payload: { email, password } });
    if (res.statusCode === 200) {
      const setCookie = res.cookies.find((c) => c.name === 'depeche_session');
      this.cookie = setCookie ? `depeche_session=${setCookie.value}` : this.cookie;
      this.csrfToken = (res.json() as { csrfToken: string }).csrfToken;
    }
    return res;
  }

  /** Sends a request with the session cookie and, unless told otherwise, the CSRF token. */
  async request(req: ClientRequest, options: { csrf?: boolean } = {}): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { ...(req.headers ?? {}) };
    if (this.cookie) headers.cookie = this.cookie;
    if (options.csrf !== false && this.csrfToken && req.method !== 'GET') headers['x-csrf-token'] = this.csrfToken;
    return this.server.inject({
      method: req.method,
      url: req.url,
      headers,
      remoteAddress: this.ip,
      ...(req.payload !== undefined ? { payload: req.payload as string | object } : {}),
    });
  }

  get(url: string) {
    return this.request({ method: 'GET', url });
  }
  post(url: string, payload: unknown = {}) {
    return this.request({ method: 'POST', url, payload });
  }
  patch(url: string, payload: unknown) {
    return this.request({ method: 'PATCH', url, payload });
  }
  delete(url: string) {
    return this.request({ method: 'DELETE', url });
  }
}

/** Logs in a client for a role of {@link buildStaff}. */
export async function loginAs(server: FastifyInstance, role: keyof Staff): Promise<AdminClient> {
  const client = new AdminClient(server);
  const res = await client.login(STAFF_EMAILS[role]);
  if (res.statusCode !== 200) throw new Error(`login as ${role} failed: ${res.statusCode} ${res.body}`);
  return client;
}
