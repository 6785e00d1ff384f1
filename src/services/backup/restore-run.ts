/**
 * One restore of a checked backup, inside its transaction, through the services: the maps
 * from the file's ids to the new rows, and a report of what was written.
 */
import type { ArticleStatus } from '../../domain/article.js';
import type { Backup, BackupArticle, BackupComment } from '../../domain/backup/backup-format.js';
import { parseInstant } from '../../domain/backup/json-fields.js';
import type { ArticleDocument, BlockNode } from '../../domain/document/document.js';
import { validateDocument } from '../../domain/document/validate-document.js';
import { bodyHashOf } from '../comment-service.js';
import type { Services } from '../index.js';
import type { RestoreOptions, RestorePhase, RestoreReport, RestoreWarning } from './backup-restore.js';

function ms(text: string): number {
  return parseInstant(text) ?? 0;
}

function msOrNull(text: string | null): number | null {
  return text === null ? null : ms(text);
}

/** The body with figures pointing at the restored media ids (unknown ones lose their link to the library). */
function remapFigures(body: unknown, mediaIds: ReadonlyMap<number, number>, lost: (id: number) => void): ArticleDocument {
  const doc = validateDocument(body);
  const walk = (nodes: readonly BlockNode[]): BlockNode[] =>
    nodes.map((node) => {
      if (node.type === 'figure' && node.attrs.mediaId != null) {
        const id = mediaIds.get(node.attrs.mediaId);
        if (id === undefined) lost(node.attrs.mediaId);
        return { ...node, attrs: { ...node.attrs, mediaId: id ?? null } };
      }
      if (node.type === 'blockquote') return { ...node, content: walk(node.content) };
      if (node.type === 'bulletList' || node.type === 'orderedList') return { ...node, content: node.content.map((item) => ({ ...item, content: walk(item.content) })) };
      return node;
    });
  return { type: 'doc', content: walk(doc.content) };
}

/** Comments with every parent before its replies (the file's order otherwise). */
function parentsFirst(comments: readonly BackupComment[]): BackupComment[] {
  const byId = new Map(comments.map((c) => [c.id, c]));
  const placed = new Set<number>();
  const out: BackupComment[] = [];
  for (const comment of comments) {
    const chain: BackupComment[] = [];
    for (let at: BackupComment | undefined = comment; at && !placed.has(at.id) && !chain.includes(at); at = at.parentId === null ? undefined : byId.get(at.parentId)) chain.push(at);
    for (const c of chain.reverse()) {
      placed.add(c.id);
      out.push(c);
    }
  }
  return out;
}

/** One restore, inside its transaction: the id maps from the file's ids to the new ones. */
export class RestoreRun {
  private readonly report: RestoreReport = {
    counts: { settings: 0, users: 0, categories: 0, tags: 0, media: 0, articles: 0, pages: 0, comments: 0, redirects: 0 },
    existingUsers: 0,
    mediaFiles: 0,
    warnings: [],
  };
  private readonly users = new Map<number, number>();
  private readonly categories = new Map<number, number>();
  private readonly tags = new Map<number, number>();
  private readonly media = new Map<number, number>();
  private readonly articles = new Map<number, number>();
  private readonly comments = new Map<number, number>();

  constructor(
    private readonly services: Services,
    private readonly backup: Backup,
    private readonly options: RestoreOptions,
  ) {}

  private get repos() {
    return this.services.ctx.repos;
  }

  private progress(phase: RestorePhase, done: number, total: number): void {
    this.report.counts[phase] = done;
    this.options.onProgress?.(phase, done, total);
  }

  private warn(kind: RestoreWarning['kind'], id: number | string, message: string): void {
    this.report.warnings.push({ kind, id: String(id), message });
  }

  async run(): Promise<RestoreReport> {
    await this.settings();
    await this.restoreUsers();
    await this.restoreCategories();
    await this.restoreTags();
    await this.restoreMedia();
    await this.restoreArticles();
    await this.restorePages();
    await this.restoreComments();
    await this.restoreRedirects();
    return this.report;
  }

  private async settings(): Promise<void> {
    const now = this.services.ctx.clock.now();
    let done = 0;
    for (const setting of this.backup.settings) {
      // A secret in a hand-made file is ignored: this site keeps its own.
      if (setting.key.startsWith('security.')) {
        this.warn('setting', setting.key, 'secret settings are never restored');
        continue;
      }
      await this.repos.settings.set(setting.key, setting.value, now);
      this.progress('settings', ++done, this.backup.settings.length);
    }
  }

  private async restoreUsers(): Promise<void> {
    let done = 0;
    for (const user of this.backup.users) {
      const existing = await this.repos.users.findByEmail(user.email.trim().toLowerCase());
      if (existing) {
        this.users.set(user.id, existing.id);
        this.report.existingUsers++;
        this.progress('users', ++done, this.backup.users.length);
        continue;
      }
      const slugTaken = await this.repos.users.slugExists(user.slug);
      if (slugTaken) this.warn('user', user.id, `the author page slug "${user.slug}" belongs to another account here; a free one was chosen`);
      // No password: backups never hold one. The account is restored for bylines and logs in after a reset.
      const id = await this.services.users.createUser({ email: user.email, name: user.name, role: user.role, bio: user.bio, password: null, ...(slugTaken ? {} : { slug: user.slug }) });
      await this.repos.users.update(id, { created_at: ms(user.createdAt) });
      this.users.set(user.id, id);
      this.progress('users', ++done, this.backup.users.length);
    }
  }

  private async restoreCategories(): Promise<void> {
    const pending = [...this.backup.categories];
    const slugs = new Map(this.backup.categories.map((c) => [c.id, c.slug]));
    let done = 0;
    // Parents first, whatever the file's order (readBackup has ruled out loops).
    while (pending.length > 0) {
      const index = pending.findIndex((c) => c.parentId === null || this.categories.has(c.parentId));
      const category = pending.splice(index, 1)[0]!;
      const id = await this.services.taxonomy.createCategory({
        name: category.name,
        slug: category.slug,
        description: category.description,
        parentSlug: category.parentId === null ? null : (slugs.get(category.parentId) ?? null),
        position: category.position,
        inMenu: category.inMenu,
      });
      await this.repos.taxonomy.updateCategory(id, { created_at: ms(category.createdAt) });
      this.categories.set(category.id, id);
      this.progress('categories', ++done, this.backup.categories.length);
    }
  }

  private async restoreTags(): Promise<void> {
    let done = 0;
    for (const tag of this.backup.tags) {
      this.tags.set(tag.id, await this.repos.taxonomy.insertTag(tag.slug, tag.name, ms(tag.createdAt)));
      this.progress('tags', ++done, this.backup.tags.length);
    }
  }

  private async restoreMedia(): Promise<void> {
    const read = this.options.readMediaFile;
    let done = 0;
    for (const item of this.backup.media) {
      const paths = [...new Set([item.path, ...item.variants.map((v) => v.path)])];
      if (read) {
        const missing: string[] = [];
        for (const path of paths) {
          const bytes = await read(path);
          if (bytes === undefined) {
            missing.push(path);
            continue;
          }
          await this.services.ctx.media.put(path, bytes);
          this.report.mediaFiles++;
        }
        if (missing.length > 0) this.warn('media', item.id, `file(s) missing from the backup's media folder: ${missing.join(', ')}`);
      }
      const id = await this.repos.media.insert({
        storage_key: item.path,
        mime_type: item.mimeType,
        width: item.width,
        height: item.height,
        byte_size: item.byteSize,
        alt: item.alt,
        caption: item.caption,
        credit: item.credit,
        variants: JSON.stringify(item.variants.map((v) => ({ key: v.path, width: v.width, height: v.height, format: v.format }))),
        created_at: ms(item.createdAt),
        uploaded_by: item.uploadedBy === null ? null : (this.users.get(item.uploadedBy) ?? null),
        deleted_at: msOrNull(item.deletedAt),
      });
      this.media.set(item.id, id);
      this.progress('media', ++done, this.backup.media.length);
    }
  }

  private userOf(id: number | null): number | null {
    return id === null ? null : (this.users.get(id) ?? null);
  }

  private async restoreArticles(): Promise<void> {
    let done = 0;
    for (const article of this.backup.articles) {
      this.articles.set(article.id, await this.restoreArticle(article));
      this.progress('articles', ++done, this.backup.articles.length);
    }
    const now = this.services.ctx.clock.now();
    for (const article of this.backup.articles) {
      for (const override of article.related) {
        const target = this.articles.get(override.articleId);
        if (target !== undefined) await this.repos.related.setOverride(this.articles.get(article.id)!, target, override.kind, override.position, now);
      }
    }
  }

  private async restoreArticle(article: BackupArticle): Promise<number> {
    const body = remapFigures(article.body, this.media, (lost) => this.warn('article', article.id, `a figure pointed at media ${lost}, absent from the file`));
    const id = await this.services.articles.createArticle({
      title: article.title,
      slug: article.slug,
      dek: article.dek,
      body,
      categoryId: this.categories.get(article.categoryId)!,
      authorIds: article.authorIds.map((a) => this.users.get(a)!),
      tagIds: article.tagIds.map((t) => this.tags.get(t)!),
      status: article.status as ArticleStatus,
      publishedAt: msOrNull(article.publishedAt),
      contentUpdatedAt: msOrNull(article.contentUpdatedAt),
      featuredMediaId: article.featuredMediaId === null ? null : (this.media.get(article.featuredMediaId) ?? null),
      featuredCaption: article.featuredCaption,
      featuredCredit: article.featuredCredit,
      featuredAlt: article.featuredAlt,
      seoTitle: article.seoTitle,
      seoDescription: article.seoDescription,
      language: article.language,
      translationGroup: article.translationGroup,
      commentsOpen: article.commentsOpen,
      allowPastSchedule: true,
    });
    const repos = this.repos;
    for (const note of article.notes) await repos.articleNotes.insert({ article_id: id, user_id: this.userOf(note.userId), kind: note.kind, text: note.text, created_at: ms(note.createdAt) });
    for (const event of article.events) await repos.articleNotes.recordEvent({ article_id: id, user_id: this.userOf(event.userId), from_status: event.fromStatus, to_status: event.toStatus, created_at: ms(event.createdAt) });
    if (article.revisions.length > 0) {
      // The file's history replaces the revision the restore's own save recorded.
      await this.services.revisions.replaceHistory(
        id,
        article.revisions.map((r) => ({ title: r.title, dek: r.dek, body: JSON.stringify(r.body), note: r.note, userId: this.userOf(r.userId), createdAt: ms(r.createdAt) })),
      );
    }
    await repos.articles.update(id, { created_at: ms(article.createdAt), updated_at: ms(article.updatedAt) });
    return id;
  }

  private async restorePages(): Promise<void> {
    let done = 0;
    for (const page of this.backup.pages) {
      const body = remapFigures(page.body, this.media, (lost) => this.warn('page', page.id, `a figure pointed at media ${lost}, absent from the file`));
      const id = await this.services.pages.createPage({
        title: page.title,
        slug: page.slug,
        excerpt: page.excerpt,
        body,
        status: page.status as ArticleStatus,
        publishedAt: msOrNull(page.publishedAt),
        seoTitle: page.seoTitle,
        seoDescription: page.seoDescription,
      });
      await this.repos.pages.update(id, { created_at: ms(page.createdAt), updated_at: ms(page.updatedAt) });
      this.progress('pages', ++done, this.backup.pages.length);
    }
  }

  private async restoreComments(): Promise<void> {
    let done = 0;
    for (const comment of parentsFirst(this.backup.comments)) {
      const id = await this.repos.comments.insert({
        article_id: this.articles.get(comment.articleId)!,
        parent_id: comment.parentId === null ? null : (this.comments.get(comment.parentId) ?? null),
        status: comment.status,
        previous_status: comment.previousStatus,
        author_name: comment.authorName,
        author_email: comment.authorEmail,
        author_url: comment.authorUrl,
        body: comment.body,
        // The old server's keyed IP hashes and commenter cookies mean nothing here: not in backups.
        ip_hash: null,
        user_agent: null,
        user_id: this.userOf(comment.userId),
        body_hash: comment.erasedAt === null ? bodyHashOf(comment.body) : null,
        created_at: ms(comment.createdAt),
        updated_at: ms(comment.updatedAt),
        erased_at: msOrNull(comment.erasedAt),
      });
      this.comments.set(comment.id, id);
      this.progress('comments', ++done, this.backup.comments.length);
    }
  }

  private async restoreRedirects(): Promise<void> {
    let done = 0;
    for (const redirect of this.backup.redirects) {
      const stored = await this.repos.redirects.insert({ from_path: redirect.from, to_path: redirect.to, status_code: redirect.status, created_at: ms(redirect.createdAt) });
      if (!stored) this.warn('redirect', redirect.from, 'the path already redirects elsewhere');
      this.progress('redirects', ++done, this.backup.redirects.length);
    }
  }
}
