/** Typed calls of the Admin API, one function per endpoint the admin app uses. */
import { api, query } from './client.js';
import type {
  Article,
  ArticleInput,
  ArticleStatus,
  ArticleSummary,
  Author,
  Category,
  BulkResult,
  Comment,
  ImportJob,
  ImportReport,
  CommentEdit,
  CommentStatus,
  Media,
  ModerationAction,
  Paged,
  PendingCount,
  RevisionDiff,
  RevisionSummary,
  Role,
  Session,
  Settings,
  Tag,
  TransitionTarget,
  User,
} from './types.js';

/** Filters of the article list. */
export interface ArticleFilters {
  status?: ArticleStatus | '';
  authorId?: number | null;
  categoryId?: number | null;
  q?: string;
  page?: number;
}

/** Login, logout, the current session and password change. */
export const sessionApi = {
  /** The current session, or a 401 ApiError. */
  current: () => api<Session>('GET', '/session'),
  login: (email: string, password: string) => api<Session>('POST', '/session', { email, password }),
  logout: () => api<void>('DELETE', '/session'),
  changePassword: (currentPassword: string, newPassword: string) => api<void>('POST', '/password', { currentPassword, newPassword }),
};

/** Articles: list, read, write, workflow, trash, notes, preview. */
export const articlesApi = {
  list: (filters: ArticleFilters) =>
    api<Paged<ArticleSummary>>('GET', `/articles${query({ status: filters.status, authorId: filters.authorId, categoryId: filters.categoryId, q: filters.q, page: filters.page })}`),
  get: (id: number) => api<Article>('GET', `/articles/${id}`),
  create: (input: ArticleInput) => api<Article>('POST', '/articles', input),
  update: (id: number, input: Partial<ArticleInput>) => api<Article>('PATCH', `/articles/${id}`, input),
  transition: (id: number, to: TransitionTarget, at?: string) => api<Article>('POST', `/articles/${id}/transition`, at === undefined ? { to } : { to, at }),
  trash: (id: number) => api<void>('DELETE', `/articles/${id}`),
  restore: (id: number) => api<Article>('POST', `/articles/${id}/restore`),
  addNote: (id: number, kind: 'correction' | 'update', text: string) => api<Article>('POST', `/articles/${id}/notes`, { kind, text }),
  previewUrl: (id: number) => `/api/admin/articles/${id}/preview`,
};

/** An article's saved versions. */
export const revisionsApi = {
  list: (articleId: number) => api<RevisionSummary[]>('GET', `/articles/${articleId}/revisions`),
  diff: (articleId: number, from: number, to: number) => api<RevisionDiff>('GET', `/articles/${articleId}/revisions/diff${query({ from, to })}`),
  restore: (articleId: number, revisionId: number) => api<Article>('POST', `/articles/${articleId}/revisions/${revisionId}/restore`),
};

/** Categories, tags and the authors bylines can name. */
export const taxonomyApi = {
  categories: () => api<Category[]>('GET', '/categories'),
  searchTags: (q: string) => api<Tag[]>('GET', `/tags${query({ q })}`),
  createTag: (name: string) => api<Tag>('POST', '/tags', { name }),
  authors: () => api<Author[]>('GET', '/authors'),
};

/** Fields of a new account. */
export interface NewUser {
  email: string;
  name: string;
  role: Role;
  password?: string;
  bio?: string;
}

/** Staff accounts (administrators). */
export const usersApi = {
  list: () => api<User[]>('GET', '/users'),
  create: (user: NewUser) => api<User>('POST', '/users', user),
  update: (id: number, patch: Partial<NewUser>) => api<User>('PATCH', `/users/${id}`, patch),
};

/** Text fields describing an image. */
export interface MediaText {
  alt: string;
  caption: string;
  credit: string;
}

/** The media library. */
export const mediaApi = {
  list: (page: number) => api<Paged<Media>>('GET', `/media${query({ page })}`),
  upload: (file: File, text: MediaText) => {
    const form = new FormData();
    // Text fields first: a streaming multipart parser sees them before the file.
    form.append('alt', text.alt);
    form.append('caption', text.caption);
    form.append('credit', text.credit);
    form.append('file', file);
    return api<Media>('POST', '/media', form);
  },
  update: (id: number, text: Partial<MediaText>) => api<Media>('PATCH', `/media/${id}`, text),
  remove: (id: number) => api<void>('DELETE', `/media/${id}`),
};

/** Reader comment moderation (editors). */
export const commentsApi = {
  list: (status: CommentStatus, page: number) => api<Paged<Comment>>('GET', `/comments${query({ status, page })}`),
  setStatus: (id: number, status: CommentStatus) => api<Comment>('PATCH', `/comments/${id}`, { status }),
  bulk: (ids: readonly number[], action: ModerationAction) => api<BulkResult>('POST', '/comments/bulk', { ids, action }),
  reply: (id: number, text: string) => api<Comment>('POST', `/comments/${id}/reply`, { text }),
  edit: (id: number, edit: CommentEdit) => api<Comment>('PATCH', `/comments/${id}`, edit),
  pendingCount: () => api<PendingCount>('GET', '/comments/pending-count'),
};

/** A commenter's data (GDPR): export and erasure by email address (editors). */
export const commentersApi = {
  /** The export as parsed JSON (the screen turns it into a file). */
  export: (email: string) => api<unknown>('GET', `/commenters/export${query({ email })}`),
  erase: (email: string) => api<{ erased: number }>('POST', '/commenters/erase', { email }),
};

/** Site settings (administrators). */
export const settingsApi = {
  get: () => api<Settings>('GET', '/settings'),
  update: (patch: Partial<Settings>) => api<Settings>('PATCH', '/settings', patch),
};

/** Imports (administrators): the upload itself goes through uploadImport (progress events). */
export const importsApi = {
  get: (id: number) => api<ImportJob>('GET', `/imports/${id}`),
  report: (id: number) => api<ImportReport>('GET', `/imports/${id}/report`),
};
