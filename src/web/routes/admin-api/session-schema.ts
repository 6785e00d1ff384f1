/** Schemas of login, logout, password change and reset, and API keys. */
import { Type } from 'typebox';
import { ERRORS, Instant, NoContent, Nullable } from './common-schema.js';

const SessionUser = Type.Object({ id: Type.Integer(), email: Type.String(), name: Type.String(), slug: Type.String(), role: Type.String() });
const SessionBody = Type.Object({ user: SessionUser, csrfToken: Type.String({ description: 'send it back in the x-csrf-token header of every state-changing call' }) });

export const loginSchema = {
  tags: ['session'],
  summary: 'Log in (sets the depeche_session cookie)',
  security: [],
  body: Type.Object({ email: Type.String({ maxLength: 254 }), password: Type.String({ maxLength: 1000 }) }),
  response: { 200: SessionBody, ...ERRORS },
};

export const currentSessionSchema = { tags: ['session'], summary: 'The logged-in user and a CSRF token', response: { 200: SessionBody, ...ERRORS } };

export const logoutSchema = { tags: ['session'], summary: 'Log out', response: { 204: NoContent, ...ERRORS } };

export const changePasswordSchema = {
  tags: ['session'],
  summary: 'Change one’s password (other sessions end)',
  body: Type.Object({ currentPassword: Type.String({ maxLength: 1000 }), newPassword: Type.String({ minLength: 1, maxLength: 1000 }) }),
  response: { 204: NoContent, ...ERRORS },
};

export const resetPasswordSchema = {
  tags: ['session'],
  summary: 'Set a new password with a one-time token from `depeche user reset-password`',
  security: [],
  body: Type.Object({ token: Type.String({ minLength: 1, maxLength: 200 }), newPassword: Type.String({ minLength: 1, maxLength: 1000 }) }),
  response: { 204: NoContent, ...ERRORS },
};

const ApiKey = Type.Object({ id: Type.Integer(), name: Type.String(), prefix: Type.String(), createdAt: Instant, lastUsedAt: Nullable(Instant) });

export const listApiKeysSchema = { tags: ['api-keys'], summary: 'The caller’s API keys', response: { 200: Type.Array(ApiKey), ...ERRORS } };

export const createApiKeySchema = {
  tags: ['api-keys'],
  summary: 'Create an API key (the secret is shown once)',
  body: Type.Object({ name: Type.String({ minLength: 1, maxLength: 200 }) }),
  response: { 201: Type.Object({ ...ApiKey.properties, secret: Type.String() }), ...ERRORS },
};

export const revokeApiKeySchema = { tags: ['api-keys'], summary: 'Revoke an API key', params: Type.Object({ id: Type.Integer({ minimum: 1 }) }), response: { 204: NoContent, ...ERRORS } };
