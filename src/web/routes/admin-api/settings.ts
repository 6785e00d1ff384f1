/** Site settings (administrators). */
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import type { Services } from '../../../services/index.js';
import { actorOf } from '../../plugins/staff-auth.js';
import { ERRORS } from './common-schema.js';

const Settings = Type.Object({ siteName: Type.String(), siteDescription: Type.String(), purgeWebhookUrl: Type.String({ maxLength: 2000 }) });
const getSchema = { tags: ['settings'], summary: 'Site settings (administrators)', response: { 200: Settings, ...ERRORS } };
const patchSchema = { tags: ['settings'], summary: 'Change site settings (administrators)', body: Type.Partial(Settings), response: { 200: Settings, ...ERRORS } };

/** Registers the settings routes. */
export function registerSettingsRoutes(app: FastifyInstance, services: Services): void {
  app.get('/settings', { schema: getSchema }, async (request) => services.settings.get(actorOf(request)));
  app.patch<{ Body: Partial<Static<typeof Settings>> }>('/settings', { schema: patchSchema }, async (request) => services.settings.update(actorOf(request), request.body));
}
