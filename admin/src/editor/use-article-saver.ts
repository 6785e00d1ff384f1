/**
 * Saving the article: manual saves, autosave a moment after the last change (drafts only: a
 * published article changes on the site only when someone clicks "Mettre à jour"), one save
 * at a time, and "dirty" meaning the fields differ from what the server last accepted.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useLocation } from 'wouter';
import { messageOf } from '../api/client.js';
import { articlesApi } from '../api/endpoints.js';
import type { Article } from '../api/types.js';
import { inputFromForm, missingForSave, type ArticleForm } from './article-form.js';
import { adoptCreatedArticle } from './editor-keys.js';

/** Pause after the last change before an autosave. */
const AUTOSAVE_DELAY_MS = 2000;

/** Statuses whose changes are saved automatically. */
const AUTOSAVED_STATUSES = new Set(['draft', 'review', 'unpublished']);

/** The saver's state and actions. */
export interface ArticleSaver {
  article: Article | null;
  /** Replaces the stored article after another call (transition, note) returned it. */
  setArticle(article: Article): void;
  dirty: boolean;
  saving: boolean;
  savedAt: Date | null;
  error: string | null;
  autosave: boolean;
  /** Saves now if anything changed; resolves to the stored article, or null (with `error` set) when it failed. */
  save(): Promise<Article | null>;
}

/** Serialised form of what would be sent, to compare with what was last saved. */
function snapshotOf(form: ArticleForm): string {
  return JSON.stringify(inputFromForm(form));
}

/** Saves `form` for the article `initial` (null: a new article, created on first save). */
export function useArticleSaver(initial: Article | null, initialForm: ArticleForm, form: ArticleForm): ArticleSaver {
  const [, navigate] = useLocation();
  const [article, setArticleState] = useState<Article | null>(initial);
  const [savedSnapshot, setSavedSnapshot] = useState(() => snapshotOf(initialForm));
  const [saving, setSaving] = useState(false);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [error, setError] = useState<string | null>(null);
  const articleRef = useRef(article);
  const formRef = useRef(form);
  const savedRef = useRef(savedSnapshot);
  const inflight = useRef<Promise<Article | null> | null>(null);
  formRef.current = form;

  const setArticle = useCallback((value: Article) => {
    articleRef.current = value;
    setArticleState(value);
  }, []);

  const save = useCallback(async (): Promise<Article | null> => {
    // One save at a time: a second one waits, then sends whatever is newer.
    while (inflight.current) await inflight.current;
    const current = formRef.current;
    const stored = articleRef.current;
    const input = inputFromForm(current, stored?.slug ?? null);
    const snapshot = snapshotOf(current);
    if (stored !== null && snapshot === savedRef.current) return stored;
    const missing = missingForSave(current);
    if (missing !== null) {
      setError(missing);
      return null;
    }
    const run = (async () => {
      setSaving(true);
      try {
        const saved = stored === null ? await articlesApi.create(input) : await articlesApi.update(stored.id, input);
        savedRef.current = snapshot;
        setSavedSnapshot(snapshot);
        setArticle(saved);
        setSavedAt(new Date());
        setError(null);
        if (stored === null) {
          // Same editor, new address: the screen stays mounted (see editor-keys.ts).
          adoptCreatedArticle(saved.id);
          navigate(`/articles/${saved.id}`, { replace: true });
        }
        return saved;
      } catch (failure) {
        setError(messageOf(failure));
        return null;
      } finally {
        setSaving(false);
      }
    })();
    inflight.current = run;
    try {
      return await run;
    } finally {
      inflight.current = null;
    }
  }, [navigate, setArticle]);

  const snapshot = snapshotOf(form);
  const dirty = snapshot !== savedSnapshot;
  const autosave = article === null ? missingForSave(form) === null : AUTOSAVED_STATUSES.has(article.status);

  useEffect(() => {
    if (!dirty || !autosave) return;
    const timer = window.setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [snapshot, dirty, autosave, save]);

  return { article, setArticle, dirty, saving, savedAt, error, autosave, save };
}
