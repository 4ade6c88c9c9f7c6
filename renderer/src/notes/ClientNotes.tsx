import { useEffect, useState } from 'react';
import type { Client } from '../../../shared/clients/client';
import type { NoteSummary } from '../../../shared/notes/note';
import type { TemplateDef } from '../../../shared/templates/types';
import { call, messageOf } from '../api';
import { Alert } from '../components/Alert';
import type { PrintRequest } from '../print/PrintView';
import './notes.css';

type Props = {
  clientId: string;
  archived: boolean;
  onOpenNote: (noteId: string) => void;
  onPrint: (request: PrintRequest) => void;
};

const DEFAULT_TEMPLATE = 'cbt-session';
/** "Start from the previous note" brings over these sections (where the template has them). */
const CARRY_FORWARD = ['bridge', 'agenda'];

const dated = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function NoteRow({ note, onOpen }: { note: NoteSummary; onOpen: () => void }) {
  const signed = note.status === 'signed';
  return (
    <li>
      <button type="button" className="note-row" onClick={onOpen}>
        <span className={signed ? 'status-badge signed' : 'status-badge draft'}>{signed ? 'Signed' : 'Draft'}</span>
        <span className="note-row-title">
          {note.templateName}
          {note.sessionNumber !== null && <span className="muted"> · Session {note.sessionNumber}</span>}
        </span>
        <span className="muted small note-row-date">{dated(note.createdAt)}</span>
      </button>
    </li>
  );
}

/** Which signed notes to print: a date range, psychotherapy notes only if chosen. */
function PrintChoice({
  clientId,
  onPrint,
  onCancel,
}: {
  clientId: string;
  onPrint: (request: PrintRequest) => void;
  onCancel: () => void;
}) {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [includePsychotherapy, setIncludePsychotherapy] = useState(false);
  return (
    <form
      className="print-choice"
      aria-label="Print notes"
      onSubmit={(event) => {
        event.preventDefault();
        onPrint({ clientId, includePsychotherapy, ...(from ? { from } : {}), ...(to ? { to } : {}) });
      }}
    >
      <div className="field">
        <label htmlFor="print-from">From</label>
        <input id="print-from" type="date" value={from} onChange={(event) => setFrom(event.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="print-to">To</label>
        <input id="print-to" type="date" value={to} onChange={(event) => setTo(event.target.value)} />
      </div>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={includePsychotherapy}
          onChange={(event) => setIncludePsychotherapy(event.target.checked)}
        />
        Include psychotherapy notes (kept apart from the record)
      </label>
      <div className="actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary">
          Preview signed notes
        </button>
      </div>
    </form>
  );
}

/** A client's notes, newest first (psychotherapy notes apart), and starting a new one. */
export function ClientNotes({ clientId, archived, onOpenNote, onPrint }: Props) {
  const [notes, setNotes] = useState<NoteSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [picking, setPicking] = useState(false);
  const [printing, setPrinting] = useState(false);

  useEffect(() => {
    let live = true;
    setNotes(null);
    setPicking(false);
    call('notes:listForClient', { clientId })
      .then((list) => {
        if (live) setNotes([...list].sort((a, b) => b.createdAt.localeCompare(a.createdAt)));
      })
      .catch((failure) => live && setError(messageOf(failure)));
    return () => {
      live = false;
    };
  }, [clientId]);

  const progress = (notes ?? []).filter((note) => note.noteKind === 'progress');
  const psychotherapy = (notes ?? []).filter((note) => note.noteKind === 'psychotherapy');

  return (
    <section className="client-notes" aria-labelledby="notes-heading">
      <div className="client-notes-header">
        <h2 id="notes-heading">Notes</h2>
        <div className="actions">
          {(notes ?? []).some((note) => note.status === 'signed') && (
            <button type="button" onClick={() => setPrinting((open) => !open)} aria-expanded={printing}>
              Print notes…
            </button>
          )}
          {!picking && !archived && (
            <button type="button" className="primary" onClick={() => setPicking(true)}>
              New note
            </button>
          )}
        </div>
      </div>
      {printing && <PrintChoice clientId={clientId} onPrint={onPrint} onCancel={() => setPrinting(false)} />}
      {error && <Alert kind="error">{error}</Alert>}
      {picking && (
        <NewNote
          clientId={clientId}
          hasPrevious={progress.length > 0}
          onCreated={onOpenNote}
          onCancel={() => setPicking(false)}
        />
      )}
      {notes === null && !error && <p className="muted">Loading notes…</p>}
      {notes !== null && progress.length === 0 && (
        <p className="muted">No notes yet.{archived ? '' : ' Start one with “New note”.'}</p>
      )}
      {progress.length > 0 && (
        <ul className="note-list" aria-label="Progress notes">
          {progress.map((note) => (
            <NoteRow key={note.id} note={note} onOpen={() => onOpenNote(note.id)} />
          ))}
        </ul>
      )}
      {psychotherapy.length > 0 && (
        <div className="kept-apart-list">
          <h3 id="psychotherapy-heading">Psychotherapy notes (kept apart)</h3>
          <p className="hint">Kept separate from the record and left out of printouts unless you choose them.</p>
          <ul className="note-list" aria-labelledby="psychotherapy-heading">
            {psychotherapy.map((note) => (
              <NoteRow key={note.id} note={note} onOpen={() => onOpenNote(note.id)} />
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

function NewNote({
  clientId,
  hasPrevious,
  onCreated,
  onCancel,
}: {
  clientId: string;
  hasPrevious: boolean;
  onCreated: (noteId: string) => void;
  onCancel: () => void;
}) {
  const [templates, setTemplates] = useState<TemplateDef[] | null>(null);
  const [client, setClient] = useState<Client | null>(null);
  const [templateId, setTemplateId] = useState(DEFAULT_TEMPLATE);
  const [useAsDefault, setUseAsDefault] = useState(true);
  // On by default: most sessions pick up where the last one left off (untick for a fresh start).
  const [fromPrevious, setFromPrevious] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    // The client is read afresh (not passed down) so its default is never a stale copy.
    Promise.all([call('templates:list', {}), call('clients:get', { id: clientId })])
      .then(([list, loaded]) => {
        if (!live) return;
        setTemplates(list);
        setClient(loaded);
        const preferred = [loaded.defaultTemplateId, DEFAULT_TEMPLATE, list[0]?.id].find((id) =>
          list.some((template) => template.id === id),
        );
        if (preferred) setTemplateId(preferred);
      })
      .catch((failure) => live && setError(messageOf(failure)));
    return () => {
      live = false;
    };
  }, [clientId]);

  // The template this client's notes start with now (a hidden or unknown one falls back).
  const currentDefault =
    client?.defaultTemplateId && templates?.some((template) => template.id === client.defaultTemplateId)
      ? client.defaultTemplateId
      : DEFAULT_TEMPLATE;
  const choose = (id: string) => {
    setTemplateId(id);
    setUseAsDefault(id === currentDefault);
  };

  const chosen = templates?.find((template) => template.id === templateId);
  const canCarry =
    hasPrevious &&
    chosen?.noteKind === 'progress' &&
    chosen.sections.some((section) => CARRY_FORWARD.includes(section.id));

  async function start() {
    setBusy(true);
    setError(null);
    try {
      // Ticked: this template becomes the default; unticked on the default: back to CBT session.
      const wanted = useAsDefault ? templateId : templateId === currentDefault ? DEFAULT_TEMPLATE : currentDefault;
      if (client && wanted !== currentDefault) {
        await call('clients:setDefaultTemplate', {
          id: clientId,
          templateId: wanted === DEFAULT_TEMPLATE ? null : wanted,
        });
      }
      const note = await call('notes:create', {
        clientId,
        templateId,
        ...(canCarry && fromPrevious ? { carryForward: CARRY_FORWARD } : {}),
      });
      onCreated(note.id);
    } catch (failure) {
      setError(messageOf(failure));
      setBusy(false);
    }
  }

  return (
    <section className="new-note" aria-labelledby="new-note-heading">
      <h3 id="new-note-heading">New note</h3>
      {error && <Alert kind="error">{error}</Alert>}
      {templates === null && !error && <p className="muted">Loading templates…</p>}
      {templates && (
        <>
          <div className="field">
            <label htmlFor="new-note-template">Template</label>
            <select
              id="new-note-template"
              value={templateId}
              autoFocus
              onChange={(event) => choose(event.target.value)}
              aria-describedby="new-note-template-help"
            >
              {templates.map((template) => (
                <option key={template.id} value={template.id}>
                  {template.name}
                  {template.noteKind === 'psychotherapy' ? ' (kept apart)' : ''}
                </option>
              ))}
            </select>
            {chosen && (
              <p id="new-note-template-help" className="hint">
                {chosen.description}
              </p>
            )}
          </div>
          {client && (
            <label className="checkbox">
              <input
                type="checkbox"
                checked={useAsDefault}
                onChange={(event) => setUseAsDefault(event.target.checked)}
              />
              Use this template by default for {client.preferredName || client.displayName}
            </label>
          )}
          {canCarry && (
            <label className="checkbox">
              <input
                type="checkbox"
                checked={fromPrevious}
                onChange={(event) => setFromPrevious(event.target.checked)}
              />
              Start from the previous note (bridge and agenda)
            </label>
          )}
          <div className="actions">
            <button type="button" onClick={onCancel}>
              Cancel
            </button>
            <button type="button" className="primary" disabled={busy} onClick={() => void start()}>
              {busy ? 'Starting…' : 'Start note'}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
