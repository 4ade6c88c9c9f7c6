import { useState } from 'react';
import { type Client, clientLabel } from '../../../shared/clients/client';
import { HomeworkTab } from '../homework/HomeworkTab';
import { IntakeTab } from '../intake/IntakeTab';
import { OpenCautionsSummary } from '../intake/OpenCautionsSummary';
import { MeasuresTab } from '../measures/MeasuresTab';
import { ClientNotes } from '../notes/ClientNotes';
import type { PrintRequest } from '../print/PrintView';
import { SafetyPlanSection } from '../safetyPlan/SafetyPlanSection';
import type { SheetRequest } from '../worksheets/sheetRequest';
import { ClientSummary } from './ClientSummary';
import { RiskFlag } from './RiskFlag';

type Props = {
  client: Client;
  onEdit: () => void;
  onArchive: () => void;
  onOpenNote: (noteId: string) => void;
  onPrint: (request: PrintRequest) => void;
  /** Printing homework as client sheets; the print buttons show only when it is given. */
  onPrintSheets?: (request: SheetRequest) => void;
};

function Row({ label, value }: { label: string; value: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{value === '' ? <span className="muted">—</span> : value}</dd>
    </>
  );
}

function formatDate(iso: string): string {
  return iso ? new Date(`${iso}T00:00:00`).toLocaleDateString(undefined, { dateStyle: 'long' }) : '';
}

/** Export the whole record as a PDF: psychotherapy notes only when ticked. */
function ExportRecordChoice({
  onExport,
  onCancel,
}: {
  onExport: (includePsychotherapy: boolean) => void;
  onCancel: () => void;
}) {
  const [includePsychotherapy, setIncludePsychotherapy] = useState(false);
  return (
    <form
      className="print-choice"
      aria-label="Export the client record"
      onSubmit={(event) => {
        event.preventDefault();
        onExport(includePsychotherapy);
      }}
    >
      <p className="hint">
        Everything in date order: client details, substances and medications with the cautions recorded, measures with
        their charts, homework, and every signed note with its addenda. Save it as PDF from the print dialog.
      </p>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={includePsychotherapy}
          onChange={(event) => setIncludePsychotherapy(event.target.checked)}
        />{' '}
        Include psychotherapy notes (kept apart from the record unless you choose them)
      </label>
      <div className="actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary">
          Preview the record
        </button>
      </div>
    </form>
  );
}

export function ClientDetail({ client, onEdit, onArchive, onOpenNote, onPrint, onPrintSheets }: Props) {
  const archived = client.status === 'archived';
  const [exporting, setExporting] = useState(false);
  return (
    <article className="client-detail" aria-labelledby="client-title">
      <header className="detail-header">
        <div>
          <h1 id="client-title">{clientLabel(client)}</h1>
          <p className="muted">
            {[client.pronouns, client.dateOfBirth && `born ${formatDate(client.dateOfBirth)}`]
              .filter(Boolean)
              .join(' · ')}
            {archived && <span className="badge">Archived</span>}
          </p>
        </div>
        <div className="actions">
          <button type="button" onClick={() => setExporting((open) => !open)} aria-expanded={exporting}>
            Export record…
          </button>
          <button type="button" onClick={onArchive}>
            {archived ? 'Unarchive' : 'Archive'}
          </button>
          <button type="button" className="primary" onClick={onEdit} autoFocus>
            Edit
          </button>
        </div>
      </header>
      {exporting && (
        <ExportRecordChoice
          onCancel={() => setExporting(false)}
          onExport={(includePsychotherapy) => onPrint({ clientId: client.id, includePsychotherapy, wholeRecord: true })}
        />
      )}
      <ClientSummary client={client} onOpenNote={onOpenNote} />
      <RiskFlag clientId={client.id} onOpenNote={onOpenNote} />
      <OpenCautionsSummary clientId={client.id} />
      <SafetyPlanSection clientId={client.id} archived={archived} />
      <ClientNotes clientId={client.id} archived={archived} onOpenNote={onOpenNote} onPrint={onPrint} />
      <HomeworkTab clientId={client.id} archived={archived} onOpenNote={onOpenNote} onPrintSheets={onPrintSheets} />
      <MeasuresTab clientId={client.id} archived={archived} />
      <IntakeTab clientId={client.id} archived={archived} />
      <div className="detail-grid">
        <section aria-labelledby="contact-heading">
          <h2 id="contact-heading">Contact</h2>
          <dl>
            <Row label="Phone" value={client.phone} />
            <Row label="Email" value={client.email} />
            <Row
              label="Emergency contact"
              value={[client.emergencyContactName, client.emergencyContactPhone].filter(Boolean).join(', ')}
            />
          </dl>
        </section>
      </div>
      <section aria-labelledby="concerns-heading">
        <h2 id="concerns-heading">Presenting concerns</h2>
        <p className="prose">{client.presentingConcerns || <span className="muted">None recorded yet.</span>}</p>
      </section>
      <p className="muted small">
        Added {new Date(client.createdAt).toLocaleString()} · last changed {new Date(client.updatedAt).toLocaleString()}
      </p>
    </article>
  );
}
