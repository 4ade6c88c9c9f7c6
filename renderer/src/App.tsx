import { useCallback, useEffect, useRef, useState } from 'react';
import type { LockReason } from '../../shared/ipc/channels';
import type { SessionInfo, VaultStatus } from '../../shared/ipc/contract';
import { defaultSettings } from '../../shared/settings';
import { call, messageOf, onSessionEvent } from './api';
import { flushOpenNotes, saveEverythingForShell } from './notes/openNotes';
import type { Route } from './route';
import { CreateVault } from './screens/CreateVault';
import { RecoveryKeySheet } from './screens/RecoveryKeySheet';
import { Unlock } from './screens/Unlock';
import { Workspace } from './screens/Workspace';
import { useModShortcut } from './shortcuts';

type Phase =
  | { kind: 'loading' }
  | { kind: 'failed'; message: string }
  | { kind: 'none'; status: VaultStatus }
  | { kind: 'locked'; status: VaultStatus; notice: string | null }
  | { kind: 'recoveryKey'; recoveryKey: string; session: SessionInfo }
  | { kind: 'unlocked'; session: SessionInfo };

const lockNotices: Record<LockReason, string | null> = {
  manual: null,
  idle: 'Sessionkeep locked itself because nothing happened for a while. Your work was saved.',
  system: 'Sessionkeep locked because the screen locked or the computer went to sleep.',
  restore: null,
};

/** Activity postpones the idle lock; telling the core once every 20 s is plenty. */
const TOUCH_INTERVAL_MS = 20_000;

export function App() {
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  // Where the therapist was: kept across a lock (ids only, no client details).
  const [route, setRoute] = useState<Route>({ view: 'clients', clientId: null, mode: 'view' });
  const lastTouch = useRef(0);

  const showStatus = useCallback(async (notice: string | null = null) => {
    try {
      const status = await call('vault:status', {});
      if (status.state === 'none') setPhase({ kind: 'none', status });
      else if (status.state === 'locked') setPhase({ kind: 'locked', status, notice });
      else setPhase({ kind: 'locked', status: { ...status, state: 'locked' }, notice });
    } catch (error) {
      setPhase({ kind: 'failed', message: messageOf(error) });
    }
  }, []);

  const enter = useCallback(async (session: SessionInfo) => {
    if (!session.recoveryKeyConfirmed) {
      try {
        const { recoveryKey } = await call('vault:recoveryKey', {});
        setPhase({ kind: 'recoveryKey', recoveryKey, session });
        return;
      } catch {
        // fall through: the key was confirmed meanwhile
      }
    }
    setPhase({ kind: 'unlocked', session });
  }, []);

  useEffect(() => {
    void (async () => {
      try {
        const status = await call('vault:status', {});
        if (status.state === 'unlocked') {
          // A reload while unlocked (e.g. the window was reloaded): pick up where we were.
          const settings = await call('settings:get', {});
          await enter({ recoveryKeyConfirmed: status.recoveryKeyConfirmed, settings });
        } else await showStatus();
      } catch (error) {
        setPhase({ kind: 'failed', message: messageOf(error) });
      }
    })();
  }, [enter, showStatus]);

  useEffect(
    () =>
      onSessionEvent((event) => {
        // The shell is about to lock or quit: save first, then say so (it waits, bounded).
        if (event.type === 'save-request') {
          void saveEverythingForShell().then((complete) =>
            call('session:saved', { id: event.id, complete }).catch(() => undefined),
          );
          return;
        }
        // A restore locks and unlocks again by itself; the screen that asked for it carries on.
        if (event.type === 'locked' && event.reason !== 'restore') {
          void showStatus(event.notice ?? lockNotices[event.reason]);
        }
      }),
    [showStatus],
  );

  const unlocked = phase.kind === 'unlocked' || phase.kind === 'recoveryKey';
  useEffect(() => {
    if (!unlocked) return;
    const onActivity = () => {
      const now = Date.now();
      if (now - lastTouch.current < TOUCH_INTERVAL_MS) return;
      lastTouch.current = now;
      void call('session:touch', {}).catch(() => undefined);
    };
    const events = ['keydown', 'pointerdown', 'wheel'] as const;
    for (const name of events) window.addEventListener(name, onActivity, { passive: true });
    return () => {
      for (const name of events) window.removeEventListener(name, onActivity);
    };
  }, [unlocked]);

  const lock = useCallback(async () => {
    try {
      // An open note saves what was just typed before the vault closes.
      await flushOpenNotes();
      await call('vault:lock', {});
    } finally {
      await showStatus();
    }
  }, [showStatus]);
  useModShortcut('l', () => void lock(), unlocked);

  switch (phase.kind) {
    case 'loading':
      return <p className="centered muted">Opening Sessionkeep…</p>;
    case 'failed':
      return (
        <main className="centered narrow">
          <h1>Sessionkeep cannot start</h1>
          <p role="alert">{phase.message}</p>
        </main>
      );
    case 'none':
      return (
        <CreateVault
          folder={phase.status.folder}
          onRestored={(session) => void enter(session)}
          onCreated={(recoveryKey) =>
            setPhase({
              kind: 'recoveryKey',
              recoveryKey,
              session: { recoveryKeyConfirmed: false, settings: defaultSettings },
            })
          }
        />
      );
    case 'locked':
      return <Unlock status={phase.status} notice={phase.notice} onUnlocked={enter} onStatusChanged={showStatus} />;
    case 'recoveryKey':
      return (
        <RecoveryKeySheet
          recoveryKey={phase.recoveryKey}
          onConfirmed={() => setPhase({ kind: 'unlocked', session: { ...phase.session, recoveryKeyConfirmed: true } })}
        />
      );
    case 'unlocked':
      return <Workspace route={route} onNavigate={setRoute} onLock={() => void lock()} />;
  }
}
