/**
 * Sends a file to import with XMLHttpRequest, whose upload progress events fetch() does not
 * offer: a large export shows how much has been sent.
 */
import { ApiError, currentCsrfToken } from '../api/client.js';
import type { ImportJob } from '../api/types.js';

/** Uploads the file and resolves with the job the server started. */
export function uploadImport(file: File, dryRun: boolean, onProgress: (sent: number, total: number) => void): Promise<ImportJob> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    form.append('dryRun', dryRun ? 'true' : 'false');
    form.append('file', file);
    const request = new XMLHttpRequest();
    request.open('POST', '/api/admin/imports');
    request.setRequestHeader('accept', 'application/json');
    const token = currentCsrfToken();
    if (token !== null) request.setRequestHeader('x-csrf-token', token);
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) onProgress(event.loaded, event.total);
    });
    request.addEventListener('load', () => {
      let body: unknown = null;
      try {
        body = JSON.parse(request.responseText) as unknown;
      } catch {
        body = null;
      }
      if (request.status === 202) return resolve(body as ImportJob);
      const error = (body as { error?: { code?: string; message?: string } } | null)?.error;
      if (error?.message) return reject(new ApiError(request.status, error.code ?? 'DEPECHE_UNKNOWN', error.message));
      reject(new ApiError(request.status, 'DEPECHE_UNKNOWN', request.status === 413 ? 'Le fichier est trop volumineux.' : `Le serveur a répondu par une erreur (${request.status}).`));
    });
    request.addEventListener('error', () => reject(new ApiError(0, 'DEPECHE_NETWORK', 'Le serveur est injoignable. Vérifiez votre connexion puis réessayez.')));
    request.send(form);
  });
}
