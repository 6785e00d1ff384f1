/** The pending-comments count of the navigation badge, reloaded whenever moderation changes something. */
import { useEffect } from 'react';
import { commentsApi } from '../api/endpoints.js';
import type { PendingCount } from '../api/types.js';
import { useLoad } from '../ui/use-load.js';

const listeners = new Set<() => void>();

/** Tells the badge that comments moved (approved, trashed, replied to…). */
export function notifyCommentsChanged(): void {
  for (const listener of listeners) listener();
}

/** The current count, or undefined while loading or when the server could not say. */
export function usePendingCount(): PendingCount | undefined {
  const count = useLoad(() => commentsApi.pendingCount(), []);
  const { reload } = count;
  useEffect(() => {
    listeners.add(reload);
    return () => {
      listeners.delete(reload);
    };
  }, [reload]);
  return count.data;
}
