import type { ImportReportView } from '../../../shared/ipc/contract';
import { conflictNames, tableWords } from './transferWords';

/**
 * The records in conflict, named as a therapist would ("Daniel Reyes, CBT session note,
 * 4 Dec 2026"); the same name twice (several saved versions of one note) is said once.
 */
function ConflictList({ conflicts }: { conflicts: ImportReportView['conflicts'] }) {
  const names = conflictNames(conflicts);
  return (
    <div className="import-conflicts">
      <p className="hint">
        {conflicts.length === 1 ? 'One record differs' : `${conflicts.length} records differ`} from what is here. They
        are kept as they are here:
      </p>
      <ul aria-label="Records kept as they are here">
        {names.slice(0, 20).map(([name, count]) => (
          <li key={name}>
            {name}
            {count > 1 && ` (${count})`}
          </li>
        ))}
      </ul>
      {names.length > 20 && <p className="hint">and {names.length - 20} more.</p>}
    </div>
  );
}

/** What an import would do, table by table, with the records in conflict named under it. */
export function ImportReportTable({ report, caption }: { report: ImportReportView; caption: string }) {
  const rows = Object.entries(report.tables).filter(([, counts]) => counts.inArchive > 0);
  return (
    <>
      <table className="backup-table">
        <caption>
          {caption} (exported {new Date(report.exportedAt).toLocaleString()})
        </caption>
        <thead>
          <tr>
            <th scope="col">Records</th>
            <th scope="col">In the file</th>
            <th scope="col">To add</th>
            <th scope="col">Already here</th>
            <th scope="col">Conflicts</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([table, counts]) => (
            <tr key={table}>
              <th scope="row">{tableWords(table)}</th>
              <td>{counts.inArchive}</td>
              <td>{counts.toAdd}</td>
              <td>{counts.identical}</td>
              <td>{counts.conflicts}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {report.conflicts.length > 0 && <ConflictList conflicts={report.conflicts} />}
      {report.totals.toAdd === 0 && <p className="muted">Nothing to add: everything in this file is already here.</p>}
    </>
  );
}
