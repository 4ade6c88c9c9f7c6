import { useEffect, useState } from 'react';

/** "04:07" under an hour, then "1:04:07". */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const mmss = `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
  return hours > 0 ? `${hours}:${mmss}` : mmss;
}

/** After this long a draft is being finished later, not written in session: no running clock. */
const TIMER_LIMIT_MS = 12 * 60 * 60 * 1000;

/**
 * The time since the note was started, ticking once a second. Its own component, so
 * the tick re-renders nothing else (least of all the editors).
 */
export function SessionTimer({ startedAt }: { startedAt: string }) {
  const start = new Date(startedAt).getTime();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  if (now - start > TIMER_LIMIT_MS) {
    return (
      <span className="session-timer muted">
        Started {new Date(start).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}
      </span>
    );
  }
  return (
    <span className="session-timer" title="Time since this note was started">
      <svg aria-hidden="true" viewBox="0 0 16 16" width="14" height="14">
        <circle cx="8" cy="8.5" r="6" fill="none" stroke="currentColor" strokeWidth="1.5" />
        <path d="M8 5v3.5l2.2 1.5M6 1h4" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
      </svg>
      <span className="visually-hidden">Session time </span>
      <span role="timer" className="timer-digits">
        {formatElapsed(now - start)}
      </span>
    </span>
  );
}
