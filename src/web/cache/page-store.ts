/**
 * The page cache's memory: entries by key, least recently used first out, bounded by bytes;
 * an index from each cache tag to the keys of the entries carrying it, kept in step on every
 * removal; and the invalidation sequence that keeps a render which started before a write
 * from storing what it read before that write.
 */

/** One stored encoding of a page: the raw header list (name, value, name, value…) and the body. */
export interface StoredVariant {
  headers: string[];
  body: Buffer;
}

/** A page as stored. */
export interface StoredPage {
  key: string;
  tags: readonly string[];
  etag: string;
  /** Last-Modified, in whole seconds (ms), when the answer had one. */
  lastModified: number | undefined;
  /** When time alone makes it stale (ms, the services' clock). */
  expiresAt: number;
  /** Answered differently to readers with a commenter or remember-me cookie (Vary: Cookie). */
  cookieSensitive: boolean;
  identity: StoredVariant;
  gzip: StoredVariant | undefined;
  br: StoredVariant | undefined;
  /** The headers of a 304 answer. */
  notModified: string[];
  /** What the entry costs, counted against the bound. */
  bytes: number;
}

/** Past this many remembered tags, the memory of recent invalidations is reset (see invalidate). */
const MAX_REMEMBERED_TAGS = 100_000;

/** Bounded, tag-indexed storage of rendered pages. */
export class PageStore {
  private readonly entries = new Map<string, StoredPage>();
  private readonly byTag = new Map<string, Set<string>>();
  /** Sequence number of the last invalidation naming each tag. */
  private readonly lastStale = new Map<string, number>();
  private sequence = 0;
  /** Renders that started before this sequence may not store (after "everything" or a reset). */
  private floor = 0;
  private used = 0;

  constructor(readonly maxBytes: number) {}

  /** Bytes used by the entries. */
  get bytes(): number {
    return this.used;
  }

  /** How many pages are stored. */
  get size(): number {
    return this.entries.size;
  }

  /** The stored keys, least recently used first (tests and diagnostics). */
  keys(): string[] {
    return [...this.entries.keys()];
  }

  /** The tags of a stored page (tests and diagnostics). */
  tagsOf(key: string): readonly string[] | undefined {
    return this.entries.get(key)?.tags;
  }

  /** Marks the start of a render: pass the number to {@link put} when storing its result. */
  renderStarted(): number {
    return this.sequence;
  }

  /** The page stored under `key`, if still fresh at `now`; it becomes the most recently used. */
  get(key: string, now: number): StoredPage | undefined {
    const page = this.entries.get(key);
    if (page === undefined) return undefined;
    if (page.expiresAt <= now) {
      this.remove(key);
      return undefined;
    }
    this.entries.delete(key);
    this.entries.set(key, page);
    return page;
  }

  /**
   * Stores a page rendered from a render started at `startedAt`, unless an invalidation naming
   * one of its tags came since (its content may predate that write), or it exceeds the bound.
   * Returns whether it was stored. The oldest pages make room.
   */
  put(page: StoredPage, startedAt: number): boolean {
    if (startedAt < this.floor || page.bytes > this.maxBytes) return false;
    for (const tag of page.tags) if ((this.lastStale.get(tag) ?? 0) > startedAt) return false;
    this.remove(page.key);
    this.entries.set(page.key, page);
    this.used += page.bytes;
    for (const tag of page.tags) {
      let keys = this.byTag.get(tag);
      if (keys === undefined) this.byTag.set(tag, (keys = new Set()));
      keys.add(page.key);
    }
    for (const oldest of this.entries.keys()) {
      if (this.used <= this.maxBytes) break;
      this.remove(oldest);
    }
    return true;
  }

  /** Drops the pages carrying any of `tags` (every page with `everything`); returns how many. */
  invalidate(tags: readonly string[], everything = false): number {
    this.sequence++;
    if (everything) {
      const count = this.entries.size;
      this.clear();
      this.floor = this.sequence;
      return count;
    }
    let count = 0;
    for (const tag of tags) {
      this.lastStale.set(tag, this.sequence);
      const keys = this.byTag.get(tag);
      if (keys === undefined) continue;
      for (const key of [...keys]) if (this.remove(key)) count++;
    }
    // Remembering every tag ever named would grow without end: past the limit, forget them all
    // and refuse every render in progress instead (a few misses, never a stale page).
    if (this.lastStale.size > MAX_REMEMBERED_TAGS) {
      this.lastStale.clear();
      this.floor = this.sequence;
    }
    return count;
  }

  /** Drops everything. */
  clear(): void {
    this.entries.clear();
    this.byTag.clear();
    this.lastStale.clear();
    this.used = 0;
  }

  private remove(key: string): boolean {
    const page = this.entries.get(key);
    if (page === undefined) return false;
    this.entries.delete(key);
    this.used -= page.bytes;
    for (const tag of page.tags) {
      const keys = this.byTag.get(tag);
      if (keys === undefined) continue;
      keys.delete(key);
      if (keys.size === 0) this.byTag.delete(tag);
    }
    return true;
  }
}
