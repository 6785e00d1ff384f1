/** Messages for the user: errors are announced at once (role=alert), the rest politely. */
import type { ReactNode } from 'react';

/** An error message, or nothing. */
export function ErrorMessage(props: { message: string | null | undefined; id?: string }) {
  if (!props.message) return null;
  return (
    <p className="notice notice-error" role="alert" id={props.id}>
      {props.message}
    </p>
  );
}

/** A success or information message, or nothing. */
export function InfoMessage(props: { children: ReactNode }) {
  if (props.children === null || props.children === undefined || props.children === '') return null;
  return (
    <p className="notice notice-info" role="status">
      {props.children}
    </p>
  );
}

/** Shown while a screen loads. */
export function Loading() {
  return (
    <p className="loading" role="status">
      Chargement…
    </p>
  );
}
