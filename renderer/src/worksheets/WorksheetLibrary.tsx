import { useEffect, useState } from 'react';
import type { WorksheetDef } from '../../../shared/worksheets/types';
import { call, messageOf } from '../api';
import { Alert } from '../components/Alert';
import { WorksheetEditor } from './WorksheetEditor';
import { duplicateOf } from './worksheetDraft';
import './sheets.css';
import './worksheetEditor.css';

type Props = {
  /** Print one worksheet blank (no client): typically navigates to the sheets route. */
  onPrintBlank: (worksheetId: string) => void;
};

type Editing = { worksheet: WorksheetDef; saved: boolean };
type Message = { kind: 'error' | 'success'; text: string } | null;

/**
 * Every worksheet in the library (built-in and the therapist's own), each printable blank.
 * Any one can be duplicated, and the therapist's own edited; the editor replaces the list while open.
 */
export function WorksheetLibrary({ onPrintBlank }: Props) {
  const [worksheets, setWorksheets] = useState<WorksheetDef[] | null>(null);
  const [message, setMessage] = useState<Message>(null);
  const [editing, setEditing] = useState<Editing | null>(null);

  useEffect(() => {
    let current = true;
    call('worksheets:list', {}).then(
      (list) => current && setWorksheets(list),
      (failure) => current && setMessage({ kind: 'error', text: messageOf(failure) }),
    );
    return () => {
      current = false;
    };
  }, []);

  async function reload() {
    try {
      setWorksheets(await call('worksheets:list', {}));
    } catch (failure) {
      setMessage({ kind: 'error', text: messageOf(failure) });
    }
  }

  function backToList(next: Message) {
    setEditing(null);
    setMessage(next);
    // Back where the therapist was: the list, announced by its heading.
    requestAnimationFrame(() => document.getElementById('worksheet-library-title')?.focus());
  }

  const titleOf = (id: string | undefined) =>
    id === undefined ? null : (worksheets?.find((worksheet) => worksheet.id === id)?.title ?? null);

  if (editing) {
    return (
      <WorksheetEditor
        key={editing.worksheet.id}
        worksheet={editing.worksheet}
        saved={editing.saved}
        takenIds={new Set((worksheets ?? []).map((worksheet) => worksheet.id))}
        basedOnTitle={titleOf(editing.worksheet.basedOn)}
        onSaved={(saved) => {
          void reload().then(() =>
            backToList({ kind: 'success', text: `Saved “${saved.title}” (version ${saved.version}).` }),
          );
        }}
        onClose={() => backToList(null)}
      />
    );
  }

  return (
    <section className="worksheet-library" aria-labelledby="worksheet-library-title">
      <h1 id="worksheet-library-title" tabIndex={-1}>
        Worksheets
      </h1>
      <p className="muted">
        Client handouts to print blank, or to assign as homework from a client’s record. Each prints on its own page.
        Duplicate one to make your own version.
      </p>
      {message && <Alert kind={message.kind}>{message.text}</Alert>}
      {!worksheets && !message && <p className="muted">Loading…</p>}
      {worksheets && (
        <ul aria-label="Worksheet library">
          {worksheets.map((worksheet) => (
            <li key={worksheet.id}>
              <div>
                <h2>
                  {worksheet.title}
                  {!worksheet.builtIn && <span className="badge">Your own</span>}
                </h2>
                <p>{worksheet.purpose}</p>
                <p className="muted small">
                  {worksheet.orientation === 'landscape' ? 'Landscape' : 'Portrait'}
                  {worksheet.source ? ` · ${worksheet.source}` : ''}
                  {!worksheet.builtIn && titleOf(worksheet.basedOn) ? ` · based on ${titleOf(worksheet.basedOn)}` : ''}
                  {!worksheet.builtIn ? ` · version ${worksheet.version}` : ''}
                </p>
              </div>
              <div className="ws-row-actions">
                {!worksheet.builtIn && (
                  <button
                    type="button"
                    onClick={() => {
                      setMessage(null);
                      setEditing({ worksheet, saved: true });
                    }}
                    aria-label={`Edit: ${worksheet.title}`}
                  >
                    Edit
                  </button>
                )}
                <button
                  type="button"
                  onClick={() => {
                    setMessage(null);
                    setEditing({ worksheet: duplicateOf(worksheet, worksheets), saved: false });
                  }}
                  aria-label={`Duplicate: ${worksheet.title}`}
                >
                  Duplicate
                </button>
                <button
                  type="button"
                  onClick={() => onPrintBlank(worksheet.id)}
                  aria-label={`Print blank: ${worksheet.title}`}
                >
                  Print blank
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
