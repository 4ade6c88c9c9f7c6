import type { ReactNode } from 'react';
import { Alert } from '../components/Alert';
import { ConfirmDialog } from './ConfirmDialog';
import { EditorContext } from './editorParts';
import type { useDraftEditor } from './useDraftEditor';

type Props = {
  /** What useDraftEditor gives the editor. */
  editor: Pick<
    ReturnType<typeof useDraftEditor>,
    'problems' | 'problemCount' | 'busy' | 'failure' | 'confirmation' | 'setConfirmation' | 'tools' | 'save' | 'leave'
  >;
  /** "template" or "worksheet": in the Save button and the problem count. */
  noun: string;
  className: string;
  titleId: string;
  /** The page's heading: an h2 inside Settings, an h1 on its own page. */
  title: ReactNode;
  /** "Saved version 3" or "Not saved yet". */
  badge: string;
  backLabel: string;
  /** What saving changes, under the title. */
  hint: ReactNode;
  /** Buttons before Cancel, e.g. Delete. */
  extraActions?: ReactNode;
  children: ReactNode;
};

/**
 * The page around both definition editors (note templates, worksheets): back link,
 * title and version, the problems and failure of the last Save, and Cancel/Save.
 */
export function EditorFrame({
  editor,
  noun,
  className,
  titleId,
  title,
  badge,
  backLabel,
  hint,
  extraActions,
  children,
}: Props) {
  const { problems, problemCount, busy, failure, confirmation, setConfirmation, tools, save, leave } = editor;
  return (
    <EditorContext.Provider value={tools}>
      <section className={className} aria-labelledby={titleId}>
        <button type="button" className="link back" onClick={leave}>
          {backLabel}
        </button>
        <div className="tpl-title-row">
          {title}
          <span className="badge">{badge}</span>
        </div>
        <p className="hint">{hint}</p>
        {children}
        <div className="tpl-footer">
          {problemCount > 0 && (
            <Alert kind="error">
              {problemCount === 1 ? 'One thing needs fixing' : `${problemCount} things need fixing`} before the {noun}{' '}
              can be saved{problems.size > 0 ? ': see the marked boxes.' : '.'}
            </Alert>
          )}
          {failure && <Alert kind="error">{failure}</Alert>}
          <div className="actions">
            {extraActions}
            <button type="button" onClick={leave}>
              Cancel
            </button>
            <button type="button" className="primary" disabled={busy} onClick={() => void save()}>
              {busy ? 'Saving…' : `Save ${noun}`}
            </button>
          </div>
        </div>
      </section>
      {confirmation && <ConfirmDialog confirmation={confirmation} onClose={() => setConfirmation(null)} />}
    </EditorContext.Provider>
  );
}
