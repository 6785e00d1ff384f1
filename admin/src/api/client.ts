/**
 * The one way the admin app talks to the server: JSON over fetch with the session cookie,
 * the CSRF token on every state-changing call, and the server's French error messages.
 */

/** A failed API call, carrying the server's stable code and French message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken: string | null = null;
const unauthenticatedListeners = new Set<() => void>();

/** Remembers the CSRF token the session endpoints handed out (null after logout). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The current CSRF token (uploads sent with XMLHttpRequest add it themselves). */
export function currentCsrfToken(): string | null {
  return csrfToken;
}

/** Runs `listener` whenever the server answers 401: the session has ended. Returns an unsubscribe function. */
export function onUnauthenticated(listener: () => void): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** Builds a query string, leaving out empty values. */
export function query(params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}

async function errorFrom(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as { error?: { code?: string; message?: string } };
    if (body.error?.message) return new ApiError(response.status, body.error.code ?? 'DEPECHE_UNKNOWN', body.error.message);
  } catch {
    // Not JSON (a proxy's page, a network cut): fall through to a generic French message.
  }
  if (response.status === 413) return new ApiError(413, 'DEPECHE_TOO_LARGE', 'Le fichier est trop volumineux.');
  return new ApiError(response.status, 'DEPECHE_UNKNOWN', `Le serveur a répondu par une erreur (${response.status}). Réessayez dans un instant.`);
}

/** Calls the Admin API; `body` is sent as JSON, or as is when it is FormData. */
export async function api<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  if (method !== 'GET' && csrfToken !== null) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`/api/admin${path}`, { method, headers, body: payload, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'DEPECHE_NETWORK', 'Le serveur est injoignable. Vérifiez votre connexion puis réessayez.');
  }
  if (!response.ok) {
    const error = await errorFrom(response);
    // Login failures are 401 too, but they are not an ended session.
    if (response.status === 401 && path !== '/session') for (const listener of unauthenticatedListeners) listener();
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  return (type.includes('json') ? await response.json() : await response.text()) as T;
}

/** The French message of any error, for display. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return 'Une erreur inattendue est survenue. Réessayez dans un instant.';
}
