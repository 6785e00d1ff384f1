/** The logged-in user for the whole app: loaded at start, set by login, cleared by logout or a 401. */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, onUnauthenticated, setCsrfToken } from '../api/client.js';
import { sessionApi } from '../api/endpoints.js';
import type { Session, SessionUser } from '../api/types.js';

/** What screens know about the session. */
export interface SessionState {
  /** The user, or null when nobody is logged in. */
  user: SessionUser | null;
  /** True while the first session check runs. */
  loading: boolean;
  /** Why the session ended, to show on the login screen. */
  notice: string | null;
  /** The session ended while someone was working: screens stay, a login dialog covers them. */
  expired: boolean;
  login(email: string, password: string): Promise<void>;
  logout(): Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

/** Gives the session to every screen below it. */
export function SessionProvider(props: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(null);
  const [loading, setLoading] = useState(true);
  const [notice, setNotice] = useState<string | null>(null);
  const [expired, setExpired] = useState(false);

  const adopt = useCallback((value: Session | null) => {
    setCsrfToken(value?.csrfToken ?? null);
    setSession(value);
  }, []);

  useEffect(() => {
    let live = true;
    sessionApi
      .current()
      .then((value) => live && adopt(value))
      .catch((error: unknown) => {
        if (live && !(error instanceof ApiError && error.status === 401)) setNotice('Impossible de vérifier votre session : le serveur ne répond pas.');
      })
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [adopt]);

  useEffect(
    () =>
      onUnauthenticated(() => {
        // Keep the screens (and unsaved work) mounted; the login dialog asks to log in again.
        setCsrfToken(null);
        setExpired(true);
        setNotice('Votre session a expiré. Reconnectez-vous pour continuer : votre travail en cours est conservé.');
      }),
    [],
  );

  const login = useCallback(
    async (email: string, password: string) => {
      adopt(await sessionApi.login(email, password));
      setExpired(false);
      setNotice(null);
    },
    [adopt],
  );

  const logout = useCallback(async () => {
    try {
      await sessionApi.logout();
    } finally {
      adopt(null);
      setExpired(false);
      setNotice('Vous êtes déconnecté.');
    }
  }, [adopt]);

  const value = useMemo<SessionState>(() => ({ user: session?.user ?? null, loading, notice, expired, login, logout }), [session, loading, notice, expired, login, logout]);
  return <SessionContext.Provider value={value}>{props.children}</SessionContext.Provider>;
}

/** The session state (inside SessionProvider). */
export function useSession(): SessionState {
  const value = useContext(SessionContext);
  if (value === null) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The logged-in user (only on screens shown to logged-in users). */
export function useUser(): SessionUser {
  const { user } = useSession();
  if (user === null) throw new Error('useUser without a logged-in user');
  return user;
}
