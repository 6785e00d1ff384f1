/**
 * Emails the moderators (administrators, editors) and the article's authors when a comment
 * waits for moderation. Off unless the `notifyByEmail` comment setting is on and SMTP is
 * configured. A failed email never fails the comment: it is reported and forgotten.
 */
import { articlePath } from '../../domain/urls.js';
import type { Repositories } from '../../storage/repositories/index.js';
import type { CommentSettingsService } from '../comment-settings-service.js';
import type { CommentNotifier, SiteFacts } from '../context.js';
import type { Mailer } from './mailer.js';

/** Sends "un commentaire attend votre modération". */
export class CommentMailNotifier implements CommentNotifier {
  constructor(
    private readonly deps: { repos: Repositories; settings: CommentSettingsService; site: SiteFacts; mailer: Mailer; onError?: (error: unknown) => void },
  ) {}

  /** Emails everyone who may moderate this comment. */
  async commentHeld(commentId: number): Promise<void> {
    const { repos, settings, site, mailer } = this.deps;
    if (!(await settings.current()).notifyByEmail) return;
    const comment = await repos.comments.findById(commentId);
    const article = comment ? await repos.articles.findById(comment.article_id) : undefined;
    if (!comment || !article) return;
    const [category] = await repos.articles.categoriesByIds([article.primary_category_id]);
    const recipients = await repos.comments.moderatorEmails(article.id);
    const url = `${site.siteUrl}${articlePath(category?.slug ?? '', article.slug)}`;
    const pending = (await repos.comments.pendingPerArticle()).reduce((sum, a) => sum + a.count, 0);
    const text = [
      `Un commentaire attend votre modération sur « ${article.title} ».`,
      '',
      `Auteur : ${comment.author_name} <${comment.author_email}>`,
      comment.author_url ? `Site web : ${comment.author_url}` : null,
      '',
      comment.body,
      '',
      `Article : ${url}`,
      `Commentaires en attente sur le site : ${pending}.`,
      `Modérer : ${site.siteUrl}/admin/ (ou « depeche comments list --status pending »).`,
    ]
      .filter((line): line is string => line !== null)
      .join('\n');
    const subject = `[${site.siteName}] Commentaire à modérer : « ${article.title.slice(0, 80)} »`;
    for (const to of recipients) {
      try {
        await mailer.send({ to, subject, text });
      } catch (error) {
        this.deps.onError?.(error);
      }
    }
  }
}
