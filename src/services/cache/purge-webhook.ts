/**
 * Tells a CDN which cache tags are stale: the purge webhook of the site settings, called by
 * the process where the write happened (other nodes only drop their own memory cache). Calls
 * are POSTs with a JSON body `{ "site": …, "tags": [...] }` and a `Surrogate-Key` header; they
 * run in the background with a timeout, never delay nor fail the write, and a failure is
 * reported once (scheme and host only: the URL may hold a token) until a call succeeds again.
 */
import { SITE_TAG } from '../../domain/cache-tags.js';
import { purgeCalls, purgeTarget, purgeTemplateProblem } from '../../domain/purge-template.js';

/** How long one webhook call may take. */
export const PURGE_TIMEOUT_MS = 5_000;

/** What the webhook needs. */
export interface PurgeWebhookOptions {
  /** The template in force (read at each invalidation, so a change applies at once), or null. */
  template: () => Promise<string | null>;
  siteUrl: string;
  /** Reports a failure (once per run of failures). */
  warn: (message: string) => void;
  timeoutMs?: number;
}

/** Calls the purge webhook in the background. */
export class PurgeWebhook {
  private readonly inFlight = new Set<Promise<void>>();
  private failing = false;

  constructor(private readonly options: PurgeWebhookOptions) {}

  /**
   * Purges `tags`: reads the template in force (part of the write, like its other queries),
   * then returns while the calls go on in the background.
   */
  async notify(tags: readonly string[]): Promise<void> {
    if (tags.length === 0) return;
    let template: string | null;
    try {
      template = await this.options.template();
    } catch {
      this.failed('les réglages du site sont illisibles');
      return;
    }
    if (template === null || template === '' || purgeTemplateProblem(template) !== undefined) return;
    const run: Promise<void> = this.send(template, tags).finally(() => this.inFlight.delete(run));
    this.inFlight.add(run);
  }

  /** Waits for the calls in progress (before a process exits, and in tests). */
  async settle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  private async send(template: string, tags: readonly string[]): Promise<void> {
    for (const call of purgeCalls(template, tags, SITE_TAG)) {
      const { url, authorization } = splitCredentials(call.url);
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'surrogate-key': call.tags.join(' '), ...(authorization ? { authorization } : {}) },
          body: JSON.stringify({ site: this.options.siteUrl, tags: call.tags }),
          redirect: 'manual',
          signal: AbortSignal.timeout(this.options.timeoutMs ?? PURGE_TIMEOUT_MS),
        });
        await response.arrayBuffer().catch(() => undefined);
        if (response.status >= 200 && response.status < 300) this.failing = false;
        else this.failed(`${purgeTarget(url)} a répondu ${response.status}`);
      } catch (error) {
        this.failed(`${purgeTarget(url)} : ${reason(error)}`);
      }
    }
  }

  private failed(detail: string): void {
    if (this.failing) return;
    this.failing = true;
    this.options.warn(`depeche: the cache purge webhook failed (${detail}); further failures are not reported until a call succeeds.`);
  }
}

/** fetch refuses URLs with a user and password: they become a Basic Authorization header. */
function splitCredentials(raw: string): { url: string; authorization?: string } {
  const url = new URL(raw);
  if (url.username === '' && url.password === '') return { url: raw };
  const credentials = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
  url.username = '';
  url.password = '';
  return { url: url.href, authorization: `Basic ${Buffer.from(credentials).toString('base64')}` };
}

/** Why a call failed, without anything from the URL. */
function reason(error: unknown): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return 'délai dépassé';
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  return typeof cause?.code === 'string' ? cause.code : 'échec de la connexion';
}
