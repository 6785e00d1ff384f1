/**
 * Imports from the admin (administrators): upload a WordPress WXR, Ghost JSON or Dépêche
 * backup file (multipart, streamed to a temporary file under IMPORT_MAX_MB), which starts a
 * background job; poll the job; fetch its report.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import { canImport } from '../../../domain/policies.js';
import { DepecheError } from '../../../errors.js';
import { enforce } from '../../../services/enforce.js';
import { megabytes } from '../../../services/files/json-file.js';
import { detectImportKind } from '../../../services/import/import-kind.js';
import { ImportJobService, type ImportJob } from '../../../services/import/import-jobs.js';
import type { Services } from '../../../services/index.js';
import { actorOf } from '../../plugins/staff-auth.js';
import { ERRORS, IdParams, Instant, Nullable } from './common-schema.js';

const Job = Type.Object({
  id: Type.Integer(),
  kind: Type.Union([Type.Literal('wordpress'), Type.Literal('ghost'), Type.Literal('depeche-backup')]),
  fileName: Type.String(),
  dryRun: Type.Boolean(),
  status: Type.Union([Type.Literal('running'), Type.Literal('done'), Type.Literal('failed')]),
  phase: Type.String(),
  done: Type.Integer(),
  total: Type.Integer(),
  error: Nullable(Type.String()),
  createdAt: Instant,
  updatedAt: Instant,
});

const Counts = Type.Object({ created: Type.Integer(), updated: Type.Integer(), unchanged: Type.Integer(), skipped: Type.Integer() });
const Report = Type.Object({
  source: Type.String(),
  dryRun: Type.Boolean(),
  counts: Type.Record(Type.String(), Counts),
  warnings: Type.Array(Type.Object({ kind: Type.String(), sourceId: Type.String(), message: Type.String() })),
  warningsOmitted: Type.Integer(),
  externalMedia: Type.Array(Type.Object({ sourceId: Type.String(), url: Type.String() })),
  durationMs: Type.Integer(),
});

const startSchema = {
  tags: ['imports'],
  summary: 'Upload a file to import (multipart: file, dryRun): WordPress WXR, Ghost JSON or Dépêche backup, told apart by content; starts a background job (202)',
  consumes: ['multipart/form-data'],
  response: { 202: Job, 413: ERRORS[400], ...ERRORS },
};
const getSchema = { tags: ['imports'], summary: 'An import job: status and progress', params: IdParams, response: { 200: Job, ...ERRORS } };
const reportSchema = { tags: ['imports'], summary: 'A finished import’s report: counts per type, warnings with the source ids', params: IdParams, response: { 200: Report, ...ERRORS } };

function presentJob(job: ImportJob) {
  return { ...job, createdAt: new Date(job.createdAt).toISOString(), updatedAt: new Date(job.updatedAt).toISOString() };
}

/** Registers the import routes. */
export function registerImportRoutes(app: FastifyInstance, services: Services, options: { maxBytes: number }): void {
  const jobs = new ImportJobService(services, { onError: (error) => app.log.error({ err: error }, 'import job failed') });
  app.addHook('onClose', async () => jobs.idle());

  app.post('/imports', { schema: startSchema }, async (request, reply) => {
    const actor = actorOf(request);
    enforce(canImport(actor));
    if (!request.isMultipart()) throw new DepecheError('DEPECHE_BAD_REQUEST', { detail: 'envoyez le fichier en multipart/form-data (champ « file »).' });
    const path = join(tmpdir(), `depeche-import-${randomBytes(9).toString('hex')}.upload`);
    let fileName: string | undefined;
    let dryRun = false;
    try {
      for await (const part of request.parts({ limits: { fileSize: options.maxBytes, files: 1 } })) {
        if (part.type === 'file') {
          if (part.fieldname !== 'file' || fileName !== undefined) {
            part.file.resume();
            continue;
          }
          // Streamed to disk: a large export never sits in memory.
          await pipeline(part.file, createWriteStream(path));
          if (part.file.truncated) throw new DepecheError('DEPECHE_IMPORT_TOO_LARGE', { limit: megabytes(options.maxBytes) });
          fileName = part.filename || 'import';
        } else if (part.fieldname === 'dryRun') {
          dryRun = ['true', '1', 'on'].includes(String(part.value));
        }
      }
      if (fileName === undefined) throw new DepecheError('DEPECHE_BAD_REQUEST', { detail: 'le champ « file » manque.' });
      const kind = await detectImportKind(path);
      if (kind === undefined) throw new DepecheError('DEPECHE_IMPORT_REFUSED', { detail: 'type de fichier non reconnu. Sont acceptés : un export WordPress (WXR, .xml), un export Ghost (.json) ou une sauvegarde Dépêche (.json).' });
      const job = await jobs.start(actor, { path, fileName, kind, dryRun, maxBytes: options.maxBytes });
      return reply.code(202).send(presentJob(job));
    } catch (error) {
      await rm(path, { force: true });
      if (error instanceof Error && 'code' in error && error.code === 'FST_REQ_FILE_TOO_LARGE') throw new DepecheError('DEPECHE_IMPORT_TOO_LARGE', { limit: megabytes(options.maxBytes) });
      throw error;
    }
  });

  app.get<{ Params: Static<typeof IdParams> }>('/imports/:id', { schema: getSchema }, async (request) => presentJob(await jobs.get(actorOf(request), request.params.id)));

  app.get<{ Params: Static<typeof IdParams> }>('/imports/:id/report', { schema: reportSchema }, async (request) => jobs.report(actorOf(request), request.params.id));
}
