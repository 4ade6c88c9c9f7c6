import { useEffect, useId, useRef, useState } from 'react';
import type { Assignment } from '../../../shared/homework/assignment';
import type { Settings } from '../../../shared/settings';
import { findBuiltInWorksheet } from '../../../shared/worksheets/index';
import type { WorksheetDef } from '../../../shared/worksheets/types';
import { call, messageOf } from '../api';
import { Alert } from '../components/Alert';
import { PrintActions } from '../print/PrintActions';
import { type SheetRequest, sheetCopies } from './sheetRequest';
import './sheets.css';
import {
  defaultPaperSize,
  firstNameOf,
  type PaperSize,
  paperSizes,
  type SheetAssignment,
  WorksheetSheet,
} from './WorksheetSheet';

type Sheet = { key: string; worksheet: WorksheetDef; assignment?: SheetAssignment };

type Loaded = {
  sheets: Sheet[];
  /** The client's first name only (assignments); never the full record. */
  forName: string;
  settings: Settings;
  /** Things the therapist should know before printing (shown on screen, never printed). */
  notices: string[];
};

const FREE_FORM = 'free-form';

/** A worksheet by id: the therapist's library first (it holds custom ones), then the built-ins. */
function worksheetFrom(library: readonly WorksheetDef[], id: string): WorksheetDef | undefined {
  return library.find((worksheet) => worksheet.id === id) ?? findBuiltInWorksheet(id);
}

async function load(request: SheetRequest): Promise<Loaded> {
  if (request.kind === 'blank') {
    const [library, settings] = await Promise.all([call('worksheets:list', {}), call('settings:get', {})]);
    const worksheet = worksheetFrom(library, request.worksheetId);
    return {
      sheets: worksheet ? [{ key: worksheet.id, worksheet }] : [],
      forName: '',
      settings,
      notices: worksheet ? [] : ['That worksheet is no longer in the library.'],
    };
  }

  const [client, assignments, library, settings] = await Promise.all([
    call('clients:get', { id: request.clientId }),
    call('homework:listForClient', { clientId: request.clientId }),
    call('worksheets:list', {}),
    call('settings:get', {}),
  ]);
  const byId = new Map<string, Assignment>(assignments.map((assignment) => [assignment.id, assignment]));
  const notices: string[] = [];
  const sheets: Sheet[] = [];
  let missing = 0;
  // In the order the therapist chose them; an id listed twice prints once.
  for (const id of new Set(request.assignmentIds)) {
    const assignment = byId.get(id);
    if (!assignment) {
      missing += 1;
      continue;
    }
    let worksheet = worksheetFrom(library, assignment.worksheetId);
    if (!worksheet) {
      // Its worksheet has gone (a custom one removed): still print the title and
      // instructions, on a lined page, rather than silently dropping the homework.
      worksheet = findBuiltInWorksheet(FREE_FORM);
      notices.push(`“${assignment.title}”: its worksheet is no longer in the library, so it prints on a lined page.`);
    } else if (worksheet.version !== assignment.worksheetVersion) {
      notices.push(
        `“${assignment.title}”: prints with the worksheet as it is now, which has changed since it was given.`,
      );
    }
    // One sheet per day for "Every day" homework, or as many as chosen (issue 12).
    if (worksheet) {
      for (const copy of sheetCopies(request, assignment)) {
        sheets.push({ key: copy.key, worksheet, assignment: { ...assignment, copyLabel: copy.label } });
      }
    }
  }
  if (missing > 0) {
    notices.push(
      missing === 1
        ? 'One of the chosen assignments was not found and is left out.'
        : `${missing} of the chosen assignments were not found and are left out.`,
    );
  }
  return { sheets, forName: firstNameOf(client), settings, notices };
}

/**
 * Client worksheets, previewed on screen and printed (or saved as one PDF) through
 * PrintActions: a blank worksheet, or a batch of one client's assignments.
 */
export function PrintSheets({ request, onBack }: { request: SheetRequest; onBack: () => void }) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [paper, setPaper] = useState<PaperSize>(() => defaultPaperSize(navigator.language));
  const paperId = useId();

  // The default paper from Settings, unless the therapist has already chosen one here.
  const paperChosen = useRef(false);
  useEffect(() => {
    void call('settings:get', {}).then(
      (settings) => {
        if (!paperChosen.current && settings.paperSize !== 'auto') setPaper(settings.paperSize);
      },
      () => undefined,
    );
  }, []);

  useEffect(() => {
    let current = true;
    setLoaded(null);
    setError(null);
    load(request).then(
      (result) => current && setLoaded(result),
      (failure) => current && setError(messageOf(failure)),
    );
    return () => {
      current = false;
    };
  }, [request]);

  const count = loaded?.sheets.length ?? 0;
  let status = 'Preparing…';
  if (loaded) {
    const sheets = `${count} sheet${count === 1 ? '' : 's'}`;
    status = request.kind === 'blank' ? 'Blank worksheet' : loaded.forName ? `${sheets} for ${loaded.forName}` : sheets;
  }
  if (error) status = '';

  return (
    <main className="sheets-view">
      <div className="sheets-toolbar no-print">
        <button type="button" onClick={onBack}>
          Back
        </button>
        <span className="muted" role="status">
          {status}
        </span>
        <label htmlFor={paperId}>
          Paper size
          <select
            id={paperId}
            value={paper}
            onChange={(event) => {
              paperChosen.current = true;
              setPaper(event.target.value as PaperSize);
            }}
          >
            {paperSizes.map((size) => (
              <option key={size.value} value={size.value}>
                {size.label}
              </option>
            ))}
          </select>
        </label>
        <PrintActions
          job={
            loaded
              ? {
                  kind: request.kind === 'assignments' ? 'homework' : 'worksheet',
                  clientId: request.kind === 'assignments' ? request.clientId : null,
                  count,
                }
              : null
          }
          disabled={count === 0}
        />
      </div>
      <div className="sheets-notices no-print">
        {error && <Alert kind="error">{error}</Alert>}
        {loaded?.notices.map((notice) => (
          <Alert kind="info" key={notice}>
            {notice}
          </Alert>
        ))}
        {loaded && count === 0 && <p className="muted">Nothing to print for this choice.</p>}
      </div>
      {loaded?.sheets.map((sheet) => (
        <WorksheetSheet
          key={sheet.key}
          worksheet={sheet.worksheet}
          paper={paper}
          assignment={sheet.assignment ? { forName: loaded.forName, details: sheet.assignment } : undefined}
          practiceName={loaded.settings.practiceName}
          therapistName={loaded.settings.therapistName}
          contacts={loaded.settings}
        />
      ))}
    </main>
  );
}
