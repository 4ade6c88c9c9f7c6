import type { TemplateDef } from '../../../shared/templates/types';
import type { DiffPart } from '../../../shared/wordDiff';
import { revisionChanges } from './revisionDiff';
import './revisionChanges.css';

function Part({ part }: { part: DiffPart }) {
  // Underline and strike-through carry the meaning; the colour only helps. The hidden
  // words say it to a screen reader, which does not announce <ins>/<del> everywhere.
  if (part.op === 'added') {
    return (
      <ins>
        <span className="visually-hidden">[added: </span>
        {part.text}
        <span className="visually-hidden">]</span>
      </ins>
    );
  }
  if (part.op === 'removed') {
    return (
      <del>
        <span className="visually-hidden">[removed: </span>
        {part.text}
        <span className="visually-hidden">]</span>
      </del>
    );
  }
  return <>{part.text}</>;
}

/** "Plan › Homework agreed", or just "Summary" when the section is named after its field. */
const where = (section: string, label: string) =>
  section.toLowerCase().startsWith(label.toLowerCase()) ? section : `${section} › ${label}`;

/** What changed in each field from one version of a note to the next. */
export function RevisionChanges({
  template,
  before,
  after,
  beforeLabel,
}: {
  template: TemplateDef;
  /** The version before, or null when this is the first one kept. */
  before: Record<string, unknown> | null;
  after: Record<string, unknown>;
  beforeLabel: string;
}) {
  if (before === null) {
    return (
      <section className="revision-changes" aria-labelledby="revision-changes-title">
        <h3 id="revision-changes-title">What changed</h3>
        <p className="muted">This is the first version kept, so there is nothing earlier to compare it with.</p>
      </section>
    );
  }
  const changes = revisionChanges(template, before, after);
  return (
    <section className="revision-changes" aria-labelledby="revision-changes-title">
      <h3 id="revision-changes-title">What changed since the version of {beforeLabel}</h3>
      {changes.length === 0 ? (
        <p className="muted">Nothing that shows in the note changed.</p>
      ) : (
        <>
          <p className="muted small">Added words are underlined; removed words are struck through.</p>
          <dl className="change-list">
            {changes.map((change) => (
              <div key={`${change.section}/${change.label}`} className="change">
                <dt>{where(change.section, change.label)}</dt>
                <dd>
                  {change.diff.kind === 'parts' ? (
                    change.diff.parts.map((part, index) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: parts of a fixed, computed diff
                      <Part key={index} part={part} />
                    ))
                  ) : (
                    <span className="muted">
                      Changed (too long to compare word by word: open both versions to read them).
                    </span>
                  )}
                </dd>
              </div>
            ))}
          </dl>
        </>
      )}
    </section>
  );
}
