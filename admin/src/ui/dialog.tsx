/** A modal dialog on the native <dialog> element: focus kept inside, Escape closes, focus returns after. */
import { useEffect, useId, useRef, type ReactNode } from 'react';

/** A modal with a title and a close button; rendered only while open. */
export function Dialog(props: { title: string; onClose(): void; children: ReactNode; wide?: boolean; /** False: no close button (Escape does nothing either). */ dismissable?: boolean }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  // Kept in a ref so a new callback on each render does not reopen the dialog.
  const onClose = useRef(props.onClose);
  onClose.current = props.onClose;
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    const onCancel = (event: Event) => {
      event.preventDefault();
      onClose.current();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      if (dialog.open) dialog.close();
      opener?.focus();
    };
  }, []);
  return (
    <dialog ref={ref} className={props.wide ? 'dialog dialog-wide' : 'dialog'} aria-labelledby={titleId}>
      <header className="dialog-head">
        <h2 id={titleId}>{props.title}</h2>
        {props.dismissable === false ? null : (
          <button type="button" className="button-quiet" onClick={() => onClose.current()}>
            Fermer
          </button>
        )}
      </header>
      <div className="dialog-body">{props.children}</div>
    </dialog>
  );
}
