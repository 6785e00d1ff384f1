/** Helpers of the comment tests: post the real form through `server.inject`. */
import type { LightMyRequestResponse } from 'fastify';
import type { Clock } from '../../src/services/clock.js';
import type { TestApp } from './app.js';

/** What a reader types in the form. */
export interface CommentFields {
  name: string;
  email: string;
  url: string;
  body: string;
  parent_id: string;
  verification: string;
  remember: string;
  token: string;
}

/** Options of {@link postForm}. */
export interface PostOptions {
  /** Cookie header to send (e.g. the commenter cookie). */
  cookie?: string;
  /** Ask for JSON as the page script does. */
  json?: boolean;
  /** The poster's IP address. */
  ip?: string;
}

let counter = 0;

/** A token as the article page would carry it, rendered `ageMs` ago (the clock moves on). */
export async function formToken(app: TestApp, articleId: number, clock: Clock & { set(to: number): void }, ageMs = 5_000): Promise<string> {
  const token = await app.services.comments.formToken(articleId);
  clock.set(clock.now() + ageMs);
  return token;
}

/** Posts the comment form of an article (default fields are a plausible, unique comment). */
export async function postForm(app: TestApp, articleUrl: string, fields: Partial<CommentFields>, options: PostOptions = {}): Promise<LightMyRequestResponse> {
  counter++;
  const values: Record<string, string> = {
    name: 'Camille Arnaud',
    email: 'camille.arnaud@example.org',
    url: '',
    body: `Merci pour cet article très clair, numéro ${counter}.`,
    parent_id: '',
    verification: '',
    ...fields,
  };
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (options.cookie) headers.cookie = options.cookie;
  if (options.json) headers.accept = 'application/json';
  return app.server.inject({
    method: 'POST',
    url: `${articleUrl}/commentaires`,
    payload: new URLSearchParams(values).toString(),
    headers,
    remoteAddress: options.ip ?? '203.0.113.7',
  });
}

/** The `name=value` of a Set-Cookie header of a response. */
export function cookieFrom(response: LightMyRequestResponse, name: string): string | undefined {
  const found = response.cookies.find((c) => c.name === name);
  return found ? `${found.name}=${found.value}` : undefined;
}
