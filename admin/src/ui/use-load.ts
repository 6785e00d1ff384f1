/** Loads data for a screen and keeps the result, the error and a reload function. */
import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import { messageOf } from '../api/client.js';

/** The state of a load. */
export interface Loaded<T> {
  data: T | undefined;
  /** French message of the last failure. */
  error: string | null;
  loading: boolean;
  reload(): void;
  /** Replaces the data in place (after a save returned the new version). */
  setData(value: T): void;
}

/** Runs `load` when `deps` change; late answers of an older load are dropped. */
export function useLoad<T>(load: () => Promise<T>, deps: DependencyList): Loaded<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);
  const latest = useRef(0);
  // The caller names what the load depends on (like useEffect), so a new closure each render does not reload.
  const run = useCallback(load, deps);

  useEffect(() => {
    const ticket = ++latest.current;
    setLoading(true);
    setError(null);
    run()
      .then((value) => {
        if (ticket === latest.current) setData(value);
      })
      .catch((failure: unknown) => {
        if (ticket === latest.current) setError(messageOf(failure));
      })
      .finally(() => {
        if (ticket === latest.current) setLoading(false);
      });
  }, [run, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { data, error, loading, reload, setData };
}
