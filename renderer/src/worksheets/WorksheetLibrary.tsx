import { useEffect, useState } from 'react';
import type { WorksheetDef } from '../../../shared/worksheets/types';
import { call, messageOf } from '../api';
import { Alert } from '../components/Alert';
import './sheets.css';

type Props = {
  /** Print one worksheet blank (no client): typically navigates to the sheets route. */
  onPrintBlank: (worksheetId: string) => void;
};

/** Every worksheet in the library (built-in and the therapist's own), each printable blank. */
export function WorksheetLibrary({ onPrintBlank }: Props) {
  const [worksheets, setWorksheets] = useState<WorksheetDef[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    call('worksheets:list', {}).then(
      (list) => current && setWorksheets(list),
      (failure) => current && setError(messageOf(failure)),
    );
    return () => {
      current = false;
    };
  }, []);

  return (
    <section className="worksheet-library" aria-labelledby="worksheet-library-title">
      <h1 id="worksheet-library-title">Worksheets</h1>
      <p className="muted">
        Client handouts to print blank, or to assign as homework from a client’s record. Each prints on its own page.
      </p>
      {error && <Alert kind="error">{error}</Alert>}
      {!worksheets && !error && <p className="muted">Loading…</p>}
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
                </p>
              </div>
              <button
                type="button"
                onClick={() => onPrintBlank(worksheet.id)}
                aria-label={`Print blank: ${worksheet.title}`}
              >
                Print blank
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
