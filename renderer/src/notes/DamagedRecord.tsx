import { useState } from 'react';
import type { HealthTable } from '../../../shared/ipc/contract';
import { call, messageOf } from '../api';
import { Alert } from '../components/Alert';
import { exportRawRecord } from '../settings/DataHealth';

/**
 * A record the core cannot show (RECORD_DAMAGED): read-only, says what is wrong, and
 * offers its raw row as JSON. The record itself is kept; Settings → Data health lists it.
 */
export function DamagedRecord({
  table,
  id,
  message,
  onBack,
  backLabel,
}: {
  table: HealthTable;
  id: string;
  message: string;
  onBack: () => void;
  backLabel: string;
}) {
  const [result, setResult] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);

  async function exportRaw() {
    setResult(null);
    try {
      // The record is found by its id among the damaged ones (its rowid names it for export).
      const { records } = await call('health:scan', {});
      const record = records.find((each) => each.table === table && each.label === id);
      if (!record) {
        setResult({ kind: 'error', text: 'This record is no longer listed as damaged. Open it again.' });
        return;
      }
      await exportRawRecord(record);
      setResult({ kind: 'success', text: 'Exported the raw record as JSON.' });
    } catch (error) {
      setResult({ kind: 'error', text: messageOf(error) });
    }
  }

  return (
    <section className="damaged-record" aria-labelledby="damaged-title">
      <h1 id="damaged-title">Damaged record</h1>
      <Alert kind="error">{message}</Alert>
      {result && <Alert kind={result.kind}>{result.text}</Alert>}
      <div className="actions">
        <button type="button" onClick={onBack}>
          {backLabel}
        </button>
        <button type="button" onClick={() => void exportRaw()}>
          Export raw JSON
        </button>
      </div>
    </section>
  );
}
