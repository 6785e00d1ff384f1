/**
 * The warning before leaving a screen with unsaved changes: the browser's own prompt when the
 * tab is closed or reloaded, and a confirmation on links inside the app.
 */
import { useEffect } from 'react';

/** The question asked before in-app navigation drops changes. */
export const LEAVE_QUESTION = 'Des modifications ne sont pas enregistrées. Quitter cette page et les perdre ?';

let dirtyScreens = 0;

/** Whether the user agrees to leave (always true when nothing is unsaved). */
export function confirmLeave(): boolean {
  return dirtyScreens === 0 || window.confirm(LEAVE_QUESTION);
}

function onBeforeUnload(event: BeforeUnloadEvent): void {
  event.preventDefault();
  // Older browsers need returnValue set to show the prompt.
  event.returnValue = '';
}

function onLinkClick(event: MouseEvent): void {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
  if (!(link instanceof HTMLAnchorElement) || link.target === '_blank' || link.hasAttribute('download')) return;
  if (!confirmLeave()) {
    // Capture phase on window: stopping here keeps the router's own click handler from running.
    event.preventDefault();
    event.stopPropagation();
  }
}

/** While `dirty` is true, leaving the screen asks for confirmation. */
export function useUnsavedChangesWarning(dirty: boolean): void {
  useEffect(() => {
    if (!dirty) return;
    dirtyScreens++;
    window.addEventListener('beforeunload', onBeforeUnload);
    if (dirtyScreens === 1) window.addEventListener('click', onLinkClick, true);
    return () => {
      dirtyScreens--;
      window.removeEventListener('beforeunload', onBeforeUnload);
      if (dirtyScreens === 0) window.removeEventListener('click', onLinkClick, true);
    };
  }, [dirty]);
}
