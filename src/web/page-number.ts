/** Reads `?page=` strictly: absent is 1; anything but a positive whole number is refused. */
import { DepecheError } from '../errors.js';

/** The page number of a listing request. */
export function pageNumber(query: unknown): number {
  const raw = typeof query === 'object' && query !== null ? (query as Record<string, unknown>).page : undefined;
  if (raw === undefined) return 1;
  if (typeof raw !== 'string' || !/^[0-9]{1,15}$/.test(raw)) throw new DepecheError('DEPECHE_BAD_PAGE_NUMBER');
  const page = Number(raw);
  if (page < 1) throw new DepecheError('DEPECHE_BAD_PAGE_NUMBER');
  // Huge numbers are well-formed but name a page that cannot exist: the listing answers 404.
  return page;
}
