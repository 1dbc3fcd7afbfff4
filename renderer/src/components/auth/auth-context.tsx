// Who is signed in, as main says (auth.status), shared with the shell and the pages.
// The renderer holds no credentials: main keeps the session; this only mirrors its state.
import { createContext, useContext } from 'react';
import type { OutputOf } from '@shared/api';

export type AuthStatus = OutputOf<'auth.status'>;

export interface AuthApi {
  status: AuthStatus;
  refresh: () => Promise<void>;
  lock: () => Promise<void>;
  logout: () => Promise<void>;
  openChangePassword: () => void;
}

export const AuthContext = createContext<AuthApi | null>(null);

export function useAuth(): AuthApi | null {
  return useContext(AuthContext);
}
