// The log-in gate around the shell: first-run setup, log-in, forced password change, the idle lock
// overlay and the audit-chain banner. It mirrors main's session (auth.status); main enforces it all.
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Alert, Modal, Spin } from 'antd';
import { ApiError, call } from '../../api/client';
import { AuthContext, type AuthApi, type AuthStatus } from './auth-context';
import { LoginForm } from './LoginForm';
import { SetupForm } from './SetupForm';
import { LockScreen } from './LockScreen';
import { ChangePasswordForm } from './ChangePasswordForm';
import { CenteredCard } from './CenteredCard';
import { useT } from '../../i18n/language';

const ACTIVITY_EVENTS = ['mousedown', 'keydown', 'wheel', 'touchstart'] as const;
/** How often ongoing input is reported to main (its idle timer is the one that counts). */
const ACTIVITY_REPORT_MS = 60_000;
/** How soon a lock or sign-out decided by main (idle time, account disabled) shows here. */
const STATUS_POLL_MS = 10_000;

function useIdleLock(status: AuthStatus | null, onIdle: () => void) {
  // Set when the lock becomes active (the effect below), not during render.
  const lastInput = useRef(0);
  const lastReport = useRef(0);
  const active =
    !!status?.operator && !status.locked && status.operator.role !== 'system' && status.idleLockMinutes > 0;
  useEffect(() => {
    if (!active) return;
    lastInput.current = Date.now();
    const onInput = () => {
      lastInput.current = Date.now();
      if (Date.now() - lastReport.current > ACTIVITY_REPORT_MS) {
        lastReport.current = Date.now();
        void call('auth.activity', {}).catch(() => undefined);
      }
    };
    for (const e of ACTIVITY_EVENTS) window.addEventListener(e, onInput, { passive: true });
    const timer = window.setInterval(() => {
      if (Date.now() - lastInput.current > status.idleLockMinutes * 60_000) onIdle();
    }, 5_000);
    return () => {
      for (const e of ACTIVITY_EVENTS) window.removeEventListener(e, onInput);
      window.clearInterval(timer);
    };
  }, [active, status, onIdle]);
}

export function AuthGate({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<AuthStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [changing, setChanging] = useState(false);
  const t = useT();

  const refresh = useCallback(async () => {
    try {
      setStatus(await call('auth.status', {}));
      setError(null);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  }, []);
  useEffect(() => {
    void refresh();
    const timer = window.setInterval(() => void refresh(), STATUS_POLL_MS);
    return () => window.clearInterval(timer);
  }, [refresh]);

  const lock = useCallback(async () => {
    await call('auth.lock', {}).catch(() => undefined);
    await refresh();
  }, [refresh]);
  const logout = useCallback(async () => {
    await call('auth.logout', {}).catch(() => undefined);
    await refresh();
  }, [refresh]);
  useIdleLock(status, () => void lock());

  const api = useMemo<AuthApi | null>(
    () => (status ? { status, refresh, lock, logout, openChangePassword: () => setChanging(true) } : null),
    [status, refresh, lock, logout],
  );

  if (error && !status) {
    return (
      <CenteredCard title={t('auth.cannotConnect')}>
        <Alert type="error" showIcon message={error} />
      </CenteredCard>
    );
  }
  if (!status || !api) return <Spin fullscreen tip={t('auth.starting')} />;
  if (!status.operator)
    return status.needsSetup ? (
      <SetupForm onDone={() => void refresh()} />
    ) : (
      <LoginForm onSignedIn={() => void refresh()} />
    );
  if (status.mustChangePassword) {
    return (
      <CenteredCard title={t('auth.mustChangeTitle')} subtitle={t('auth.mustChangeSubtitle')}>
        <ChangePasswordForm
          username={status.operator.username}
          onDone={() => void refresh()}
          onCancel={() => void logout()}
        />
      </CenteredCard>
    );
  }
  return (
    <AuthContext.Provider value={api}>
      {status.auditWarning ? (
        // Fixed along the window's bottom edge: always in view, and the shell's full-height layout is not pushed down.
        <Alert
          type="error"
          banner
          showIcon
          message={status.auditWarning}
          style={{ position: 'fixed', left: 0, right: 0, bottom: 0, zIndex: 1000 }}
          role="alert"
          data-testid="audit-warning"
        />
      ) : null}
      {status.backupWarning && !status.auditWarning ? (
        // the office must learn that backups stopped: shown from the log-in on, until a backup succeeds
        <Alert
          type="warning"
          banner
          showIcon
          closable
          message={status.backupWarning}
          style={{ position: 'fixed', left: 0, right: 0, bottom: 0, zIndex: 1000 }}
          role="alert"
          data-testid="backup-warning"
        />
      ) : null}
      {children}
      {status.locked ? (
        <LockScreen
          displayName={status.operator.displayName}
          onUnlocked={() => void refresh()}
          onRefresh={() => void refresh()}
          onSignOut={() => void logout()}
        />
      ) : null}
      <Modal
        title={t('auth.changePasswordTitle')}
        open={changing}
        footer={null}
        onCancel={() => setChanging(false)}
        destroyOnHidden
      >
        <ChangePasswordForm username={status.operator.username} onDone={() => setChanging(false)} />
      </Modal>
    </AuthContext.Provider>
  );
}
