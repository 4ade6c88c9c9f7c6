import { useId } from 'react';
import type { ImportReportView } from '../../../shared/ipc/contract';

/**
 * The settings the file would change (issue 11: never taken silently). Each can be ticked,
 * except protection settings (auto-lock, backup folder), shown with why they stay.
 */
export function SettingChanges({
  report,
  chosen,
  onToggle,
  disabled,
}: {
  report: ImportReportView;
  chosen: ReadonlySet<string>;
  onToggle: (key: string, on: boolean) => void;
  disabled: boolean;
}) {
  const id = useId();
  return (
    <fieldset className="import-settings" aria-describedby={`${id}-hint`}>
      <legend>Settings in this file that differ from yours</legend>
      <p className="hint" id={`${id}-hint`}>
        Tick the ones to take. Those not ticked stay as they are here.
      </p>
      <ul>
        {report.settings.map((change) => (
          <li key={change.key}>
            {change.notTaken === null ? (
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={chosen.has(change.key)}
                  disabled={disabled}
                  onChange={(event) => onToggle(change.key, event.target.checked)}
                />{' '}
                Take <strong>{change.label}</strong> from the file
              </label>
            ) : (
              <p className="import-setting-kept">
                <strong>{change.label}</strong>: not taken. {change.notTaken}
              </p>
            )}
            <dl className="import-setting-values">
              <dt>Here</dt>
              <dd>{change.current}</dd>
              <dt>In the file</dt>
              <dd>{change.incoming}</dd>
            </dl>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
