import { useCallback, useEffect, useRef, useState } from 'react';
import { type PrintJob, printLogKind, type ShellResponseOf } from '../../../shared/ipc/shellChannels';
import { call, messageOf } from '../api';
import { chooseFile as askShell } from '../backup/chooseFile';
import './printActions.css';

type Capabilities = ShellResponseOf<'print:capabilities'>;
/** When the shell cannot say, the browser's own print dialog is always there. */
const BROWSER: Capabilities = { dialog: 'browser', saveAsPdf: false };

/**
 * "Print…" and "Save as PDF…" for a print view (issue 13), and Ctrl/Cmd+P while it is open.
 *
 * In the desktop app the shell prints (the system's dialog) and saves PDFs (a save dialog
 * saying "not encrypted"), and logs a print only once it happened. In the web preview the
 * browser's own dialog does both, so there is one button, "Print or save as PDF…". The
 * browser never says whether that dialog printed or was cancelled, so the preview logs
 * when the dialog has closed (`afterprint`), in words that claim no printout.
 */
export function PrintActions({ job, disabled = false }: { job: PrintJob | null; disabled?: boolean }) {
  const [capabilities, setCapabilities] = useState<Capabilities | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ kind: 'done' | 'error'; text: string } | null>(null);
  const listening = useRef<(() => void) | null>(null);

  useEffect(() => {
    let live = true;
    askShell('print:capabilities', {}).then(
      (answer) => live && setCapabilities(answer),
      () => live && setCapabilities(BROWSER),
    );
    return () => {
      live = false;
      listening.current?.();
    };
  }, []);

  const ready = capabilities !== null && job !== null && !disabled && !busy;

  const print = useCallback(async () => {
    if (!ready || !job) return;
    setOutcome(null);
    if (capabilities.dialog === 'browser') {
      // Logged once the browser's dialog has closed: printed or cancelled, it cannot tell.
      listening.current?.();
      const closed = () => {
        listening.current = null;
        void call('audit:recordPrint', {
          kind: printLogKind(job.kind),
          clientId: job.clientId,
          count: job.count,
          via: 'browser',
        }).catch(() => undefined);
      };
      window.addEventListener('afterprint', closed, { once: true });
      listening.current = () => window.removeEventListener('afterprint', closed);
      window.print();
      return;
    }
    setBusy(true);
    try {
      const { printed } = await askShell('print:print', job);
      if (printed) setOutcome({ kind: 'done', text: 'Sent to the printer.' });
    } catch (failure) {
      setOutcome({ kind: 'error', text: messageOf(failure) });
    } finally {
      setBusy(false);
    }
  }, [ready, job, capabilities]);

  const saveAsPdf = async () => {
    if (!ready || !job) return;
    setOutcome(null);
    setBusy(true);
    try {
      const { saved, displayName } = await askShell('print:saveAsPdf', job);
      if (saved) setOutcome({ kind: 'done', text: `Saved as ${displayName} (not encrypted).` });
    } catch (failure) {
      setOutcome({ kind: 'error', text: messageOf(failure) });
    } finally {
      setBusy(false);
    }
  };

  // Ctrl+P (Cmd+P on a Mac) prints this view through the same path as the button, so a
  // print from the keyboard is logged the same way.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey || event.key.toLowerCase() !== 'p')
        return;
      event.preventDefault();
      void print();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [print]);

  const system = capabilities?.dialog === 'system';
  return (
    <span className="print-actions">
      {/* Always there, so a screen reader announces what it comes to say. */}
      <span
        className={outcome?.kind === 'error' ? 'print-outcome print-outcome-error' : 'print-outcome muted'}
        role="status"
      >
        {outcome?.text}
      </span>
      {capabilities?.saveAsPdf && (
        <button type="button" onClick={() => void saveAsPdf()} disabled={!ready}>
          Save as PDF…
        </button>
      )}
      <button
        type="button"
        className="primary"
        onClick={() => void print()}
        disabled={!ready}
        aria-keyshortcuts="Control+P Meta+P"
      >
        {system ? 'Print…' : 'Print or save as PDF…'}
      </button>
    </span>
  );
}
