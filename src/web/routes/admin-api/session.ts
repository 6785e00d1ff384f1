/** Login, logout, the current session, password change and reset. */
import type { FastifyInstance } from 'fastify';
import type { Static } from 'typebox';
import { DepecheError } from '../../../errors.js';
import type { StaffSession } from '../../../services/auth-service.js';
import type { Services } from '../../../services/index.js';
import { actorOf, csrfTokenFor, SESSION_COOKIE, sessionCookieOptions } from '../../plugins/staff-auth.js';
import { presentSessionUser } from './presenters.js';
import { changePasswordSchema, currentSessionSchema, loginSchema, logoutSchema, resetPasswordSchema } from './session-schema.js';

function sessionBody(session: StaffSession) {
  return { user: presentSessionUser(session.user), csrfToken: csrfTokenFor(session) };
}

/** Registers the session routes. */
export function registerSessionRoutes(app: FastifyInstance, services: Services, options: { secureCookie: boolean }): void {
  app.post<{ Body: Static<typeof loginSchema.body> }>('/session', { schema: loginSchema, config: { public: true } }, async (request, reply) => {
    const { sessionId, session } = await services.auth.login(request.body.email, request.body.password, request.ip);
    // Whatever session the browser had is ended: the new id is the only valid one (no fixation).
    if (request.staffSession) await services.auth.logout(request.staffSession.idHash);
    reply.setCookie(SESSION_COOKIE, sessionId, sessionCookieOptions(options.secureCookie));
    return sessionBody(session);
  });

  app.get('/session', { schema: currentSessionSchema }, async (request) => {
    if (!request.staffSession) throw new DepecheError('DEPECHE_UNAUTHENTICATED');
    return sessionBody(request.staffSession);
  });

  app.delete('/session', { schema: logoutSchema }, async (request, reply) => {
    if (request.staffSession) await services.auth.logout(request.staffSession.idHash);
    reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(options.secureCookie));
    return reply.code(204).send();
  });

  app.post<{ Body: Static<typeof changePasswordSchema.body> }>('/password', { schema: changePasswordSchema }, async (request, reply) => {
    const actor = actorOf(request);
    await services.auth.changePassword(request.staffSession ?? undefined, actor.id, request.body.currentPassword, request.body.newPassword);
    return reply.code(204).send();
  });

  app.post<{ Body: Static<typeof resetPasswordSchema.body> }>('/password/reset', { schema: resetPasswordSchema, config: { public: true } }, async (request, reply) => {
    await services.auth.resetPassword(request.body.token, request.body.newPassword);
    return reply.code(204).send();
  });
}
