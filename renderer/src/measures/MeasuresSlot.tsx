import { useState } from 'react';
import { AUDITC_THRESHOLD_EXPLANATION, getInstrument } from '../../../shared/measures';
import type { Administration } from '../../../shared/measures/administration';
import { Alert } from '../components/Alert';
import { type NoteHomework, useNoteHomework } from '../homework/noteHomework';
import { sectionDomId } from '../noteSections';
import { draftKey, readDraft } from './drafts';
import { changeWords, chronological, hasItem9Flag, item9Answer, previousOf, resultWords, summaryLine } from './history';
import { MeasureForm } from './MeasureForm';
import { formatDay, useAdministrations } from './useMeasures';
import './measures.css';

/** The risk section of the CBT session and intake templates (shared/templates/builtins/sections.ts). */
const RISK_SECTION = 'risk';

const FOCUSABLE = 'input:not([disabled]), textarea, select, button:not([disabled]), [contenteditable="true"]';

/**
 * The note's measures section (the mood check of the CBT session; SOAP and DAP too):
 * give a measure in the session, and see each one recorded here with its result and the
 * change since the client last took it. A PHQ-9 with item 9 above 0 brings up the
 * item-9 prompt, whatever the total. In a signed note, the record only.
 */
export function MeasuresSlotContent() {
  const note = useNoteHomework();
  if (!note) return null;
  return <MeasuresInNote note={note} />;
}

function MeasuresInNote({ note }: { note: NoteHomework }) {
  const { administrations, error } = useAdministrations(note.clientId);
  // A measure left half-entered comes back as it was (drafts.ts), without taking the focus.
  const [giving, setGiving] = useState(
    () => !note.signed && readDraft(draftKey(note.clientId, note.noteId)) !== undefined,
  );
  const [opened, setOpened] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  if (error) return <Alert kind="error">{error}</Alert>;
  if (administrations === null) return <p className="muted">Loading the client’s measures…</p>;

  const here = chronological(administrations.filter((each) => each.noteId === note.noteId));

  return (
    <div className="measures-in-note">
      {here.length === 0 ? (
        <p className="muted">{note.signed ? 'No measures were given in this note.' : 'No measures given yet.'}</p>
      ) : (
        <ul className="measure-records" aria-label="Measures given in this note">
          {here.map((given) => (
            <li key={given.id}>
              <RecordedMeasure given={given} all={administrations} />
              {hasItem9Flag(given) &&
                (note.signed ? (
                  <p className="item9-record">
                    <strong>Item 9 answered above 0</strong> ({item9Answer(given)?.label}): further assessment of
                    suicide risk was needed.
                  </p>
                ) : (
                  <Item9Prompt note={note} given={given} />
                ))}
            </li>
          ))}
        </ul>
      )}
      {notice && !giving && <Alert kind="success">{notice}</Alert>}
      {!note.signed &&
        (giving ? (
          <MeasureForm
            clientId={note.clientId}
            noteId={note.noteId}
            focusOnOpen={opened}
            onClose={() => setGiving(false)}
            onRecorded={(recorded) => {
              setGiving(false);
              setNotice(`${getInstrument(recorded.instrument).name} recorded in this note.`);
            }}
          />
        ) : (
          <div className="actions measures-actions">
            <button
              type="button"
              onClick={() => {
                setNotice(null);
                setOpened(true);
                setGiving(true);
              }}
            >
              + Give a measure
            </button>
          </div>
        ))}
    </div>
  );
}

/** "PHQ-9 14, moderate — down 4 since 11 Nov 2026 (18, moderately severe)", given on …. */
function RecordedMeasure({ given, all }: { given: Administration; all: readonly Administration[] }) {
  const previous = previousOf(all, given);
  return (
    <p className="measure-record">
      <strong>
        {getInstrument(given.instrument).name} {resultWords(given)}
      </strong>{' '}
      — {changeWords(given, previous, formatDay)}
      <span className="muted small given-on"> · given on {formatDay(given.givenOn)}</span>
      {given.instrument === 'auditc' && given.sex === null && (
        <span className="hint measure-explanation">{AUDITC_THRESHOLD_EXPLANATION}</span>
      )}
    </p>
  );
}

/**
 * PHQ-9 item 9 above 0 (PHQ instruction manual, reference clinical-facts.md §3.1): the
 * client needs further assessment of suicide risk by someone competent to assess it,
 * whatever the total. Neutral words, and the note's risk section one click away. The
 * safety plan is not offered as homework: it is filled in together, on the client's page.
 */
function Item9Prompt({ note, given }: { note: NoteHomework; given: Administration }) {
  const answer = item9Answer(given);
  const hasRisk = note.template.sections.some((section) => section.id === RISK_SECTION);
  const riskTitle = note.template.sections.find((section) => section.id === RISK_SECTION)?.title ?? 'Risk';

  function goToRisk() {
    const section = document.getElementById(sectionDomId(RISK_SECTION));
    if (!section) return;
    // Below the sticky note header, as the outline's jumps do (NoteEditor.jumpTo).
    const headerBottom = document.querySelector('.note-header')?.getBoundingClientRect().bottom ?? 0;
    window.scrollTo({ top: window.scrollY + section.getBoundingClientRect().top - headerBottom - 12 });
    let target = section.querySelector<HTMLElement>(FOCUSABLE) ?? section;
    if (target instanceof HTMLInputElement && target.type === 'radio') {
      target = section.querySelector<HTMLElement>(`input[name="${CSS.escape(target.name)}"]:checked`) ?? target;
    }
    if (!target.matches(FOCUSABLE)) target.tabIndex = -1;
    target.focus({ preventScroll: true });
  }

  return (
    <div className="item9-prompt" role="alert">
      <p className="item9-title">
        <span className="item9-icon" aria-hidden="true">
          !
        </span>
        PHQ-9 item 9 answered above 0
      </p>
      <p>
        The client answered item 9 (thoughts that they would be better off dead or of hurting themselves) with “
        {answer?.label}” ({answer?.score}). Whatever the total, this needs further assessment of suicide risk by someone
        competent to assess it.
      </p>
      {!hasRisk && (
        <p className="item9-no-risk">
          This note’s template has no risk section: record the assessment elsewhere in the note.
        </p>
      )}
      {hasRisk && (
        <div className="actions item9-actions">
          <button type="button" onClick={goToRisk}>
            Go to the {riskTitle} section
          </button>
        </div>
      )}
    </div>
  );
}

/**
 * The measures given in a note, as a plain printable list (for the printed note). Loads
 * the client's measures itself; MeasuresRecordList draws from a list already loaded.
 */
export function MeasuresRecordForNote({ noteId, clientId }: { noteId: string; clientId: string }) {
  const { administrations, error } = useAdministrations(clientId);
  if (error) return <p className="print-error">The measures could not be read: {error}</p>;
  if (administrations === null) return null;
  return <MeasuresRecordList noteId={noteId} administrations={administrations} />;
}

export function MeasuresRecordList({
  noteId,
  administrations,
}: {
  noteId: string;
  administrations: readonly Administration[];
}) {
  const here = chronological(administrations.filter((each) => each.noteId === noteId));
  if (here.length === 0) return null;
  return (
    <section className="print-section print-measures">
      <h2>Measures</h2>
      {here.map((given) => {
        const def = getInstrument(given.instrument);
        const answer = item9Answer(given);
        return (
          <div className="print-field" key={given.id}>
            <div className="print-label">
              {def.name}, given on {formatDay(given.givenOn)}
            </div>
            <div className="print-text">
              {summaryLine(given, previousOf(administrations, given), formatDay)}.
              {hasItem9Flag(given) && answer && (
                <> Item 9 answered above 0 (“{answer.label}”): further assessment of suicide risk needed.</>
              )}{' '}
              Answers, items 1–{def.items.length}: {given.answers.join(', ')}.
              {given.instrument === 'auditc' && given.sex === null && <> Sex not recorded: cut-off 3 used.</>}
            </div>
          </div>
        );
      })}
    </section>
  );
}
