/**
 * The purge webhook's URL template (a site setting): where a CDN, or a relay in front of its
 * API, is told which cache tags are stale. `{tags}` stands for every stale tag in one call
 * (comma-separated), `{tag}` for one tag per call. Tags are percent-encoded.
 */

/** Longest template accepted. */
export const PURGE_TEMPLATE_MAX_LENGTH = 2000;
/** Beyond this many tags, a `{tag}` template is called once with `site` (every page) instead. */
export const PURGE_MAX_CALLS = 50;

/** Checks a template: undefined when good, else what is wrong (French, for the admin). */
export function purgeTemplateProblem(template: string): string | undefined {
  if (template.length > PURGE_TEMPLATE_MAX_LENGTH) return `l’adresse du webhook de purge compte ${PURGE_TEMPLATE_MAX_LENGTH} caractères au plus`;
  const many = template.includes('{tags}');
  const one = template.includes('{tag}');
  if (!many && !one) return 'l’adresse du webhook de purge doit contenir {tags} (toutes les étiquettes en un appel) ou {tag} (un appel par étiquette)';
  if (many && one) return 'l’adresse du webhook de purge contient {tags} ou {tag}, pas les deux';
  let url: URL;
  try {
    url = new URL(template.replaceAll('{tags}', 'x').replaceAll('{tag}', 'x'));
  } catch {
    return 'l’adresse du webhook de purge n’est pas une URL valide (par exemple https://purge.example.org/purge?tags={tags})';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'l’adresse du webhook de purge doit commencer par http:// ou https://';
  if (/\s/.test(template)) return 'l’adresse du webhook de purge ne doit pas contenir d’espace';
  return undefined;
}

/** One call of the webhook: its URL and the tags it purges. */
export interface PurgeCall {
  url: string;
  tags: string[];
}

/** The calls that purge `tags` with a (valid) template. */
export function purgeCalls(template: string, tags: readonly string[], siteTag: string): PurgeCall[] {
  if (tags.length === 0) return [];
  if (template.includes('{tags}')) return [{ url: template.replaceAll('{tags}', tags.map(encodeURIComponent).join(',')), tags: [...tags] }];
  const each = tags.length > PURGE_MAX_CALLS ? [siteTag] : tags;
  return each.map((tag) => ({ url: template.replaceAll('{tag}', encodeURIComponent(tag)), tags: [tag] }));
}

/** What a log line may show of a webhook URL: scheme, host and port (no path, query or password). */
export function purgeTarget(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return 'adresse invalide';
  }
}
