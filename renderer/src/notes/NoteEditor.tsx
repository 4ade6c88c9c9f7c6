import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { clientLabel } from '../../../shared/clients/client';
import type { Addendum, Note } from '../../../shared/notes/note';
import { ApiError, call, messageOf } from '../api';
import { Alert } from '../components/Alert';
import { type NoteHomework, NoteHomeworkContext } from '../homework/noteHomework';
import { sectionDomId } from '../noteSections';
import type { Route } from '../route';
import { isMod, modLabel, useModShortcut } from '../shortcuts';
import { AddendaList, AddendumComposer } from './Addenda';
import type { AutosaveController } from './autosave';
import { DamagedRecord } from './DamagedRecord';
import { HistoryDialog } from './HistoryDialog';
import { NoteForm } from './NoteForm';
import { closeController, closingSave, openController, retireController } from './openNotes';
import { ReadOnlyNote, readableSections } from './ReadOnlyNote';
import { SaveErrorBanner, SaveIndicator } from './SaveIndicator';
import { SessionTimer } from './SessionTimer';
import { SignDialog } from './SignDialog';
import './notes.css';

type Props = { noteId: string; clientId: string; find?: string | undefined; onNavigate: (route: Route) => void };

type Loaded = {
  note: Note;
  clientName: string;
  /** What the fields start from: the stored values plus any kept from a failed closing save. */
  values: Record<string, unknown>;
  controller: AutosaveController | null;
  /** Bumped when the values are replaced (a restore), so the fields start over. */
  generation: number;
};

const FOCUSABLE = 'input:not([disabled]), textarea, select, button:not([disabled]), [contenteditable="true"]';

const longDate = (iso: string) =>
  new Date(iso).toLocaleString(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });

/**
 * One session note. A draft is a form that saves itself (see autosave.ts) and can be
 * signed; a signed note is formatted text with its signature and addenda.
 */
export function NoteEditor({ noteId, clientId, find, onNavigate }: Props) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [damaged, setDamaged] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'sign' | 'history' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let live = true;
    let controller: AutosaveController | null = null;
    setLoaded(null);
    setLoadError(null);
    setDamaged(null);
    void (async () => {
      try {
        // If this note was just closed, its last save finishes before it is read back.
        await closingSave(noteId);
        const [note, client] = await Promise.all([
          call('notes:get', { id: noteId }),
          call('clients:get', { id: clientId }).catch(() => null),
        ]);
        if (!live) return;
        let values = note.values;
        if (note.status === 'draft') {
          const opened = openController(noteId, note.template);
          controller = opened.controller;
          values = { ...values, ...opened.kept };
        }
        setLoaded({ note, clientName: client ? clientLabel(client) : 'Client', values, controller, generation: 0 });
      } catch (error) {
        if (!live) return;
        // A note the core cannot show opens as a damaged record, never as a broken screen.
        if (error instanceof ApiError && error.code === 'RECORD_DAMAGED') setDamaged(error.message);
        else setLoadError(messageOf(error));
      }
    })();
    return () => {
      live = false;
      // Leaving the note (another note, another section, or the vault locking): save now.
      if (controller) closeController(noteId, controller);
    };
  }, [noteId, clientId]);

  const controller = loaded?.controller ?? null;
  const noteLoaded = loaded !== null;

  useEffect(() => {
    if (!noteLoaded) return;
    headingRef.current?.focus();
    // Opened from search: select the first match in the note and scroll it into view.
    // (window.find is Chromium's find-in-page, available in Electron and the harness.)
    const term = find?.replace(/["*]/g, ' ').trim().split(/\s+/)[0];
    if (!term) return;
    // After the search dialog has closed and handed focus back, or it would undo the selection.
    type Find = (text: string, caseSensitive: boolean, backwards: boolean, wrapAround: boolean) => boolean;
    const timer = setTimeout(() => {
      // From the top of the page, wrapping, whatever was selected before.
      window.getSelection()?.removeAllRanges();
      (window as unknown as { find?: Find }).find?.(term, false, false, true);
    }, 100);
    return () => clearTimeout(timer);
  }, [noteLoaded, find]);

  // The window closing or reloading: one last save.
  useEffect(() => {
    if (!controller) return;
    const save = () => void controller.flush();
    window.addEventListener('beforeunload', save);
    window.addEventListener('pagehide', save);
    return () => {
      window.removeEventListener('beforeunload', save);
      window.removeEventListener('pagehide', save);
    };
  }, [controller]);

  useModShortcut('s', () => void controller?.flush(), controller !== null);

  const jumpTo = useCallback((sectionId: string) => {
    const section = document.getElementById(sectionDomId(sectionId));
    if (!section) return;
    // Scroll the section's heading to just below the sticky note header.
    const headerBottom = document.querySelector('.note-header')?.getBoundingClientRect().bottom ?? 0;
    window.scrollTo({ top: window.scrollY + section.getBoundingClientRect().top - headerBottom - 12 });
    let target = section.querySelector<HTMLElement>(FOCUSABLE) ?? section;
    // In a radio group, the chosen option is the one to land on (as Tab would).
    if (target instanceof HTMLInputElement && target.type === 'radio') {
      target = section.querySelector<HTMLElement>(`input[name="${CSS.escape(target.name)}"]:checked`) ?? target;
    }
    // A section with nothing to type in (a signed note) takes the focus itself.
    if (!target.matches(FOCUSABLE)) target.tabIndex = -1;
    target.focus({ preventScroll: true });
  }, []);

  // Ctrl/Cmd+1…9: jump to section n (as numbered in the outline).
  const shownNote = loaded?.note;
  const sections = useMemo(
    () =>
      shownNote &&
      (shownNote.status === 'signed' ? readableSections(shownNote.template, true) : shownNote.template.sections),
    [shownNote],
  );
  // The note's homework sections: which note and client they record in, signed or not.
  const homework = useMemo<NoteHomework | null>(
    () =>
      shownNote
        ? {
            noteId: shownNote.id,
            clientId: shownNote.clientId,
            signed: shownNote.status === 'signed',
            template: shownNote.template,
            onPrintSheets: (assignmentIds) =>
              onNavigate({
                view: 'sheets',
                request: { kind: 'assignments', clientId: shownNote.clientId, assignmentIds },
                back: { view: 'note', noteId: shownNote.id, clientId: shownNote.clientId },
              }),
          }
        : null,
    [shownNote, onNavigate],
  );
  useEffect(() => {
    if (!sections) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isMod(event) || event.altKey || event.shiftKey || !/^[1-9]$/.test(event.key)) return;
      if (document.querySelector('dialog[open]')) return;
      const section = sections[Number(event.key) - 1];
      if (!section) return;
      event.preventDefault();
      jumpTo(section.id);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [sections, jumpTo]);

  const backToClient = () => onNavigate({ view: 'clients', clientId, mode: 'view' });

  if (damaged) {
    return (
      <DamagedRecord table="notes" id={noteId} message={damaged} onBack={backToClient} backLabel="Back to the client" />
    );
  }
  if (loadError) {
    return (
      <div className="note-page">
        <div className="note-main">
          <Alert kind="error">{loadError}</Alert>
          <button type="button" onClick={backToClient}>
            Back to the client
          </button>
        </div>
      </div>
    );
  }
  if (!loaded) return <p className="muted note-loading">Opening the note…</p>;

  const { note, clientName } = loaded;
  const signed = note.status === 'signed';

  function signedNow(next: Note) {
    if (controller) retireController(controller);
    setDialog(null);
    setLoaded((current) => current && { ...current, note: next, values: next.values, controller: null });
    setNotice('The note is signed. It can no longer be changed; add an addendum for anything later.');
  }

  function restored(next: Note) {
    setDialog(null);
    setLoaded(
      (current) => current && { ...current, note: next, values: next.values, generation: current.generation + 1 },
    );
    setNotice('The note was restored to the earlier version. The version before it is kept in the history.');
  }

  function addendumAdded(addendum: Addendum) {
    setLoaded(
      (current) => current && { ...current, note: { ...current.note, addenda: [...current.note.addenda, addendum] } },
    );
    setNotice('The addendum is signed and added.');
  }

  async function openHistory() {
    // The list then includes what was typed a moment ago.
    await controller?.flush();
    setDialog('history');
  }

  return (
    <div className="note-page">
      <nav className="note-outline" aria-label="Note sections">
        <button type="button" className="link back-link" onClick={backToClient}>
          ← {clientName}
        </button>
        <p className="outline-title">Sections</p>
        <ol>
          {(sections ?? []).map((section, index) => (
            <li key={section.id}>
              <button
                type="button"
                className="outline-item"
                onClick={() => jumpTo(section.id)}
                aria-keyshortcuts={index < 9 ? `${modLabel() === '⌘' ? 'Meta' : 'Control'}+${index + 1}` : undefined}
              >
                <span>{section.title}</span>
                {index < 9 && <kbd>{`${modLabel()}${index + 1}`}</kbd>}
              </button>
            </li>
          ))}
          {signed && (
            <li>
              <button type="button" className="outline-item" onClick={() => jumpTo('addenda')}>
                <span>Signature and addenda</span>
              </button>
            </li>
          )}
        </ol>
      </nav>

      <article className="note-main" aria-labelledby="note-title">
        <header className="note-header">
          <div className="note-heading">
            <h1 id="note-title" ref={headingRef} tabIndex={-1}>
              {note.template.name}
              <span className={signed ? 'status-badge signed' : 'status-badge draft'}>
                {signed ? 'Signed' : 'Draft'}
              </span>
            </h1>
            <p className="muted note-meta">
              {clientName}
              {note.sessionNumber !== null && ` · Session ${note.sessionNumber}`} · started {longDate(note.createdAt)}
              {note.signedAt && ` · signed ${longDate(note.signedAt)}`}
            </p>
          </div>
          <div className="note-tools">
            {!signed && <SessionTimer startedAt={note.createdAt} />}
            {controller && <SaveIndicator controller={controller} lastSavedAt={note.updatedAt} />}
            <button type="button" onClick={() => void openHistory()}>
              History
            </button>
            {signed && (
              <button
                type="button"
                onClick={() =>
                  onNavigate({
                    view: 'print',
                    // Choosing to print this very note includes it, whatever its kind.
                    request: { clientId, noteId, includePsychotherapy: true },
                    back: { view: 'note', noteId, clientId },
                  })
                }
              >
                Print…
              </button>
            )}
            {!signed && controller && (
              <button type="button" className="primary" onClick={() => setDialog('sign')}>
                Sign note…
              </button>
            )}
          </div>
        </header>

        {note.noteKind === 'psychotherapy' && (
          <div className="kept-apart" role="note">
            <strong>Psychotherapy note — kept apart from the record.</strong> It is listed separately from progress
            notes and left out of printouts unless you choose to include it.
          </div>
        )}
        {notice && <Alert kind="success">{notice}</Alert>}
        {controller && <SaveErrorBanner controller={controller} lastSavedAt={note.updatedAt} />}

        {signed ? (
          <>
            <NoteHomeworkContext.Provider value={homework}>
              <ReadOnlyNote
                template={note.template}
                values={note.values}
                sessionNumber={note.sessionNumber}
                sectionIdPrefix="note-section-"
              />
            </NoteHomeworkContext.Provider>
            <section id={sectionDomId('addenda')} className="signature-block" aria-label="Signature and addenda">
              <p className="signature-line">
                Signed by <strong>{note.signedBy}</strong>
                {note.signedAt &&
                  ` on ${new Date(note.signedAt).toLocaleString(undefined, { dateStyle: 'long', timeStyle: 'medium' })}`}
              </p>
              <AddendaList addenda={note.addenda} />
              <AddendumComposer noteId={note.id} onAdded={addendumAdded} />
            </section>
          </>
        ) : (
          controller && (
            <>
              <NoteHomeworkContext.Provider value={homework}>
                <NoteForm
                  key={loaded.generation}
                  template={note.template}
                  values={loaded.values}
                  sessionNumber={note.sessionNumber}
                  controller={controller}
                />
              </NoteHomeworkContext.Provider>
              <div className="note-end">
                <p className="muted small">
                  Saved automatically as you type · {modLabel()}S saves now · {modLabel()}1–9 jumps to a section
                </p>
                <button type="button" className="primary" onClick={() => setDialog('sign')}>
                  Sign note…
                </button>
              </div>
            </>
          )
        )}
      </article>

      {dialog === 'sign' && controller && (
        <SignDialog
          note={note}
          controller={controller}
          onSigned={signedNow}
          onClose={() => setDialog(null)}
          onGoToSection={(sectionId) => {
            setDialog(null);
            // After the dialog has closed and handed the focus back to its opener.
            setTimeout(() => jumpTo(sectionId), 0);
          }}
        />
      )}
      {dialog === 'history' && <HistoryDialog note={note} onClose={() => setDialog(null)} onRestored={restored} />}
    </div>
  );
}
