/** Media library routes: upload (multipart), list, texts, delete. */
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import { DepecheError } from '../../../errors.js';
import type { Services } from '../../../services/index.js';
import { actorOf } from '../../plugins/staff-auth.js';
import { ERRORS, IdParams, NoContent, PageQuery } from './common-schema.js';
import { Media } from './media-schema.js';
import { presentMedia } from './presenters.js';

/** Largest upload accepted. */
export const MAX_UPLOAD_BYTES = 15 * 1024 * 1024;

/** Items per page of the library. */
const MEDIA_PAGE_SIZE = 40;

const MediaTexts = Type.Object({ alt: Type.Optional(Type.String({ maxLength: 1000 })), caption: Type.Optional(Type.String({ maxLength: 1000 })), credit: Type.Optional(Type.String({ maxLength: 300 })) });

const Uploaded = Type.Object({ ...Media.properties, duplicate: Type.Boolean({ description: 'true: this image was already in the library (200); its empty texts took the ones sent' }) });
const uploadSchema = {
  tags: ['media'],
  summary: 'Upload an image (multipart: file, alt, caption, credit). JPEG, PNG, WebP, AVIF, GIF by content; SVG refused; 15 MB at most',
  consumes: ['multipart/form-data'],
  response: { 200: Uploaded, 201: Uploaded, 413: ERRORS[400], 415: ERRORS[400], ...ERRORS },
};
const getSchema = { tags: ['media'], summary: 'One library item', params: IdParams, response: { 200: Media, ...ERRORS } };
const listSchema = { tags: ['media'], summary: 'The library, newest first', querystring: PageQuery, response: { 200: Type.Object({ items: Type.Array(Media), page: Type.Integer(), hasNext: Type.Boolean() }), ...ERRORS } };
const updateSchema = { tags: ['media'], summary: 'Change alt text, caption, credit', params: IdParams, body: MediaTexts, response: { 200: Media, ...ERRORS } };
const deleteSchema = { tags: ['media'], summary: 'Remove from the library', params: IdParams, response: { 204: NoContent, ...ERRORS } };

/** Registers the media routes. */
export function registerMediaRoutes(app: FastifyInstance, services: Services): void {
  app.post('/media', { schema: uploadSchema }, async (request, reply) => {
    const actor = actorOf(request);
    if (!request.isMultipart()) throw new DepecheError('DEPECHE_BAD_REQUEST', { detail: 'envoyez le fichier en multipart/form-data (champ « file »).' });
    // Text fields may come before or after the file: read every part.
    const texts: Record<string, string> = {};
    let upload: { bytes: Buffer; filename: string } | undefined;
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        // Throws FST_REQ_FILE_TOO_LARGE past the limit (answered 413).
        const bytes = await part.toBuffer();
        if (part.fieldname === 'file') upload = { bytes, filename: part.filename };
      } else if (typeof part.value === 'string' && ['alt', 'caption', 'credit'].includes(part.fieldname)) {
        texts[part.fieldname] = part.value;
      }
    }
    if (!upload) throw new DepecheError('DEPECHE_BAD_REQUEST', { detail: 'le champ « file » manque.' });
    const { id, duplicate } = await services.media.upload(actor, { ...upload, alt: texts.alt, caption: texts.caption, credit: texts.credit });
    // The same image again is the same library item: 200 with duplicate: true (its empty texts were filled).
    return reply.code(duplicate ? 200 : 201).send({ ...presentMedia(await services.media.find(id), services.ctx.site.mediaBaseUrl), duplicate });
  });

  app.get<{ Querystring: Static<typeof PageQuery> }>('/media', { schema: listSchema }, async (request) => {
    actorOf(request);
    const page = request.query.page ?? 1;
    const rows = await services.ctx.repos.media.listLive(MEDIA_PAGE_SIZE + 1, (page - 1) * MEDIA_PAGE_SIZE);
    return { items: rows.slice(0, MEDIA_PAGE_SIZE).map((row) => presentMedia(row, services.ctx.site.mediaBaseUrl)), page, hasNext: rows.length > MEDIA_PAGE_SIZE };
  });

  app.get<{ Params: Static<typeof IdParams> }>('/media/:id', { schema: getSchema }, async (request) => {
    actorOf(request);
    return presentMedia(await services.media.find(request.params.id), services.ctx.site.mediaBaseUrl);
  });

  app.patch<{ Params: Static<typeof IdParams>; Body: Static<typeof MediaTexts> }>('/media/:id', { schema: updateSchema }, async (request) => {
    await services.media.updateTexts(actorOf(request), request.params.id, request.body);
    return presentMedia(await services.media.find(request.params.id), services.ctx.site.mediaBaseUrl);
  });

  app.delete<{ Params: Static<typeof IdParams> }>('/media/:id', { schema: deleteSchema }, async (request, reply) => {
    await services.media.remove(actorOf(request), request.params.id);
    return reply.code(204).send();
  });
}
