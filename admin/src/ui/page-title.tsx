/** A screen's h1, which also names the browser tab and receives focus when the screen opens. */
import { useEffect, useRef, type ReactNode } from 'react';

/** The title of a screen. Focus moves to it on arrival so screen readers announce the new screen. */
export function PageTitle(props: { children: ReactNode; text: string; actions?: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${props.text} — Administration Dépêche`;
  }, [props.text]);
  useEffect(() => {
    // Only when nothing else asked for focus (a field with autoFocus keeps it).
    if (document.activeElement === document.body || document.activeElement === null) heading.current?.focus({ preventScroll: true });
  }, []);
  return (
    <div className="page-title">
      <h1 ref={heading} tabIndex={-1}>
        {props.children}
      </h1>
      {props.actions ? <div className="page-actions">{props.actions}</div> : null}
    </div>
  );
}
