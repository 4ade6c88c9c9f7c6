import { useId } from 'react';
import { ExportForm } from './ExportForm';
import { ImportForm } from './ImportForm';

/**
 * Settings → Export and import: the whole vault as an open archive (JSON files in a zip,
 * documented, optionally sealed with a passphrase), and importing one with a dry run
 * first. Long runs show progress and can be cancelled without leaving a half-written file.
 */
export function TransferSettings() {
  const id = useId();
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Export and import</h2>
      <p className="hint">
        An export holds every record as plain JSON files in a zip (documented, readable by other software): for moving
        to another system or keeping an independent copy. For everyday safety, backups above are the better tool.
      </p>
      <ExportForm />
      <ImportForm />
    </section>
  );
}
