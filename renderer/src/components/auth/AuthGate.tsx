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
    const t = window.setInterval(() => void refresh(), STATUS_POLL_MS);
    return () => window.clearInterval(t);
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
      <CenteredCard title="无法连接程序">
        <Alert type="error" showIcon message={error} />
      </CenteredCard>
    );
  }
  if (!status || !api) return <Spin fullscreen tip="正在启动…" />;
  if (!status.operator)
    return status.needsSetup ? (
      <SetupForm onDone={() => void refresh()} />
    ) : (
      <LoginForm onSignedIn={() => void refresh()} />
    );
  if (status.mustChangePassword) {
    return (
      <CenteredCard title="请修改密码" subtitle="这是首次登录或密码已被重置，请设置只有您知道的新密码后继续。">
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
          onSignOut={() => void logout()}
        />
      ) : null}
      <Modal title="修改密码" open={changing} footer={null} onCancel={() => setChanging(false)} destroyOnHidden>
        <ChangePasswordForm username={status.operator.username} onDone={() => setChanging(false)} />
      </Modal>
    </AuthContext.Provider>
  );
}
