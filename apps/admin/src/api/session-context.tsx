import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { createApiClient, type ApiClient } from './api-client';
import { ApiError } from './api-error';
import { clearSessionKey, readSessionKey, saveSessionKey } from './session';

interface Session {
  /** The client for the signed-in key; undefined while signed out. */
  api: ApiClient | undefined;
  /** Why the last session ended, shown on the sign-in page. */
  notice: string | undefined;
  signIn(key: string): Promise<void>;
  signOut(notice?: string): void;
}

const SessionContext = createContext<Session | undefined>(undefined);

/** Checks a key against a route only admins may call; a 404 means the gateway runs without governance. */
async function checkAdminKey(api: ApiClient): Promise<void> {
  try {
    await api.get('/key/list', { page: 1, size: 1 });
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) {
      throw new ApiError(404, 'This gateway has no management API. Start it with a master key (general_settings.master_key or SWITCHYARD_MASTER_KEY).');
    }
    if (error instanceof ApiError && error.status === 403) throw new ApiError(403, 'This key is not an admin key. Sign in with the master key or a proxy_admin user’s key.');
    throw error;
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [key, setKey] = useState<string | undefined>(() => readSessionKey());
  const [notice, setNotice] = useState<string | undefined>();
  const signOut = useCallback(
    (reason?: string) => {
      clearSessionKey();
      setKey(undefined);
      setNotice(reason);
      queryClient.clear();
    },
    [queryClient],
  );
  const api = useMemo(() => (key === undefined ? undefined : createApiClient(key, () => signOut('Your key was refused; sign in again.'))), [key, signOut]);
  const signIn = useCallback(async (candidate: string) => {
    await checkAdminKey(createApiClient(candidate));
    saveSessionKey(candidate);
    setNotice(undefined);
    setKey(candidate);
  }, []);
  const session = useMemo(() => ({ api, notice, signIn, signOut }), [api, notice, signIn, signOut]);
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (session === undefined) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The signed-in client; pages render only while signed in. */
export function useApi(): ApiClient {
  const { api } = useSession();
  if (api === undefined) throw new Error('useApi while signed out');
  return api;
}
