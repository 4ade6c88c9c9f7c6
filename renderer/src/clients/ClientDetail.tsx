import { useState } from 'react';
import { flushSync } from 'react-dom';
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
import { ClientTabs, clientTabId } from './ClientTabs';
import type { ClientTab } from './clientTabs';
import { RiskFlag } from './RiskFlag';

type Props = {
  client: Client;
  /** The tab on show; it lives in the route so Back from a note or a print view returns to it. */
  tab: ClientTab;
  onSelectTab: (tab: ClientTab) => void;
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

/** What the client form records beyond the name: contact details and presenting concerns. */
function ContactAndConcerns({ client }: { client: Client }) {
  return (
    <>
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
      <section aria-labelledby="concerns-heading">
        <h2 id="concerns-heading">Presenting concerns</h2>
        <p className="prose">{client.presentingConcerns || <span className="muted">None recorded yet.</span>}</p>
      </section>
      <p className="muted small">
        Added {new Date(client.createdAt).toLocaleString()} · last changed {new Date(client.updatedAt).toLocaleString()}
      </p>
    </>
  );
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

export function ClientDetail({
  client,
  tab,
  onSelectTab,
  onEdit,
  onArchive,
  onOpenNote,
  onPrint,
  onPrintSheets,
}: Props) {
  const archived = client.status === 'archived';
  const [exporting, setExporting] = useState(false);
  // Rendered at once, so what is focused next is already on show (a hidden panel takes no focus).
  const showTab = (tab: ClientTab) => flushSync(() => onSelectTab(tab));
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
      <RiskFlag
        clientId={client.id}
        onOpenNote={onOpenNote}
        onShowSafetyPlan={() => {
          showTab('safety-plan');
          document.getElementById(clientTabId('safety-plan'))?.focus();
        }}
      />
      <OpenCautionsSummary clientId={client.id} onShowIntake={() => showTab('intake')} />
      <ClientTabs
        active={tab}
        onSelect={onSelectTab}
        panels={{
          notes: <ClientNotes clientId={client.id} archived={archived} onOpenNote={onOpenNote} onPrint={onPrint} />,
          homework: (
            <HomeworkTab
              clientId={client.id}
              archived={archived}
              onOpenNote={onOpenNote}
              onPrintSheets={onPrintSheets}
            />
          ),
          measures: <MeasuresTab clientId={client.id} archived={archived} />,
          intake: <IntakeTab clientId={client.id} archived={archived} />,
          'safety-plan': <SafetyPlanSection clientId={client.id} archived={archived} onOpenNote={onOpenNote} />,
          details: <ContactAndConcerns client={client} />,
        }}
      />
    </article>
  );
}
