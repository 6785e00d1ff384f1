/**
 * Who is calling the Admin API: a session cookie (browser; state-changing calls must then
 * carry the CSRF token) or an `Authorization: Bearer` API key (scripts; no CSRF, since no
 * browser sends it on its own). Routes are private unless their config says `public: true`.
 */
import '@fastify/cookie';
import Tokens from '@fastify/csrf';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../domain/policies.js';
import { DepecheError } from '../../errors.js';
import type { StaffSession, StaffUser } from '../../services/auth-service.js';
import type { Services } from '../../services/index.js';

/** The session cookie's name. */
export const SESSION_COOKIE = 'depeche_session';

/** The header carrying the CSRF token. */
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    /** The logged-in staff member, if any. */
    staff: StaffUser | null;
    /** The cookie session, when the call came with one. */
    staffSession: StaffSession | null;
  }
  interface FastifyContextConfig {
    /** Reachable without logging in (login, password reset, the OpenAPI document). */
    public?: boolean;
  }
}

const csrf = Tokens();

/** A CSRF token for a session (many valid tokens per secret: each one is salted). */
export function csrfTokenFor(session: StaffSession): string {
  return csrf.create(session.csrfSecret);
}

/** The actor of an authenticated request (routes are private, so it is there). */
export function actorOf(request: FastifyRequest): Actor & StaffUser {
  if (request.staff === null) throw new DepecheError('DEPECHE_UNAUTHENTICATED');
  return request.staff;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Cookie attributes of the session cookie. */
export function sessionCookieOptions(secure: boolean) {
  return { httpOnly: true, sameSite: 'lax' as const, path: '/', secure };
}

/** Resolves the caller on every request of the scope and enforces login and CSRF. */
export function registerStaffAuth(app: FastifyInstance, services: Services): void {
  app.decorateRequest('staff', null);
  app.decorateRequest('staffSession', null);
  // onRequest: before body parsing and validation, so an anonymous caller learns nothing but 401.
  app.addHook('onRequest', async (request: FastifyRequest, _reply: FastifyReply) => {
    const authorization = request.headers.authorization;
    if (typeof authorization === 'string' && /^Bearer\s+/i.test(authorization)) {
      const user = await services.auth.userForApiKey(authorization.replace(/^Bearer\s+/i, '').trim());
      if (!user) throw new DepecheError('DEPECHE_UNAUTHENTICATED');
      request.staff = user;
      return;
    }
    const cookie = request.cookies[SESSION_COOKIE];
    if (cookie) {
      const session = await services.auth.sessionFor(cookie);
      if (session) {
        request.staff = session.user;
        request.staffSession = session;
      }
    }
    const isPublic = request.routeOptions.config.public === true;
    if (isPublic) return;
    if (request.staff === null) throw new DepecheError('DEPECHE_UNAUTHENTICATED');
    if (!SAFE_METHODS.has(request.method) && request.staffSession !== null) {
      const token = request.headers[CSRF_HEADER];
      if (typeof token !== 'string' || !csrf.verify(request.staffSession.csrfSecret, token)) throw new DepecheError('DEPECHE_CSRF');
    }
  });
}
