/**
 * Keyboard pattern of an ARIA toolbar: its buttons are one Tab stop, and the arrow keys
 * (Home, End too) move between them. Tabindex is set on the DOM directly, so re-renders keep it.
 */
import { useEffect, useRef, type FocusEvent, type KeyboardEvent, type RefObject } from 'react';

function buttonsIn(container: HTMLElement): HTMLButtonElement[] {
  return [...container.querySelectorAll<HTMLButtonElement>('button')].filter((b) => !b.disabled);
}

/** Returns the container ref and its keydown handler. */
export function useRovingFocus(): { ref: RefObject<HTMLDivElement | null>; onKeyDown(event: KeyboardEvent): void; onFocus(event: FocusEvent): void } {
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const container = ref.current;
    if (!container) return;
    // New or re-enabled buttons get a tabindex too: one stop only, on the first button unless one is current.
    const sync = () => {
      const buttons = [...container.querySelectorAll<HTMLButtonElement>('button')];
      const current = buttons.find((b) => b.tabIndex === 0 && !b.disabled) ?? buttonsIn(container)[0];
      for (const b of buttons) b.tabIndex = b === current ? 0 : -1;
    };
    sync();
    const observer = new MutationObserver(sync);
    observer.observe(container, { subtree: true, childList: true, attributes: true, attributeFilter: ['disabled'] });
    return () => observer.disconnect();
  }, []);

  function focusButton(target: HTMLButtonElement) {
    const container = ref.current;
    if (!container) return;
    for (const b of container.querySelectorAll<HTMLButtonElement>('button')) b.tabIndex = b === target ? 0 : -1;
    target.focus();
  }

  function onKeyDown(event: KeyboardEvent) {
    const container = ref.current;
    if (!container || !(event.target instanceof HTMLButtonElement)) return;
    const buttons = buttonsIn(container);
    const index = buttons.indexOf(event.target);
    if (index < 0) return;
    const next =
      event.key === 'ArrowRight' ? buttons[(index + 1) % buttons.length]
      : event.key === 'ArrowLeft' ? buttons[(index - 1 + buttons.length) % buttons.length]
      : event.key === 'Home' ? buttons[0]
      : event.key === 'End' ? buttons[buttons.length - 1]
      : undefined;
    if (next) {
      event.preventDefault();
      focusButton(next);
    }
  }

  function onFocus(event: FocusEvent) {
    if (event.target instanceof HTMLButtonElement) focusButton(event.target);
  }

  return { ref, onKeyDown, onFocus };
}
