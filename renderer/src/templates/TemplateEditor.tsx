import { useMemo } from 'react';
import type { TemplateDef } from '../../../shared/templates/types';
import { call } from '../api';
import { Alert } from '../components/Alert';
import { ConfirmDialog } from './ConfirmDialog';
import { candidate, check, type DraftSection, type DraftTemplate, moved, newSection, toDraft } from './draft';
import { domId, EditorContext, ItemTools, named, TextBox, useEditor } from './editorParts';
import { FieldList } from './FieldEditor';
import { type DraftCheck, useDraftEditor } from './useDraftEditor';

type Props = {
  /** The template to edit: a saved custom one, or a fresh duplicate not saved yet. */
  template: TemplateDef;
  /** False for a duplicate that has never been saved. */
  saved: boolean;
  /** The name of the template it was copied from, if any. */
  basedOnName: string | null;
  onSaved: (template: TemplateDef) => void;
  onDelete: () => void;
  onClose: () => void;
};

/** Places the template's own controls use for their problems. */
const TEMPLATE = 'template';

function checkTemplate(draft: DraftTemplate): DraftCheck<TemplateDef> {
  const result = check(draft);
  return result.ok ? { ok: true, value: result.template } : result;
}
const templateText = (draft: DraftTemplate) => JSON.stringify(candidate(draft));

/**
 * The template editor: a page inside Settings. Nothing is stored until Save; the draft is
 * checked with the core's own schema first, and each problem is shown at its control.
 */
export function TemplateEditor({ template, saved, basedOnName, onSaved, onDelete, onClose }: Props) {
  const initial = useMemo(() => toDraft(template), [template]);
  const { draft, setDraft, problems, problemCount, busy, failure, confirmation, setConfirmation, tools, save, leave } =
    useDraftEditor<DraftTemplate, TemplateDef>({
      initial,
      check: checkTemplate,
      candidateText: templateText,
      persist: (checked) => call('templates:save', { template: checked }),
      onSaved,
      onClose,
      firstControl: { item: TEMPLATE, what: 'name' },
      saved,
      noun: 'template',
    });

  function setSections(sections: DraftSection[]) {
    setDraft({ ...draft, sections });
  }

  return (
    <EditorContext.Provider value={tools}>
      <section className="card template-editor" aria-labelledby="template-editor-title">
        <button type="button" className="link back" onClick={leave}>
          ← Back to Settings
        </button>
        <div className="tpl-title-row">
          <h2 id="template-editor-title">{saved ? 'Edit template' : 'New template'}</h2>
          <span className="badge">{saved ? `Saved version ${template.version}` : 'Not saved yet'}</span>
        </div>
        <p className="hint">
          {basedOnName ? `Based on ${basedOnName}. ` : ''}
          Notes already written keep the template they were written with; your changes apply to notes started after you
          save.
        </p>

        <div className="tpl-grid tpl-head">
          <TextBox
            itemKey={TEMPLATE}
            what="name"
            label="Template name"
            value={draft.name}
            maxLength={100}
            onChange={(name) => setDraft({ ...draft, name })}
          />
          <div className="field">
            <label htmlFor={domId(TEMPLATE, 'noteKind')}>Kind of note</label>
            <select
              id={domId(TEMPLATE, 'noteKind')}
              value={draft.noteKind}
              onChange={(event) =>
                setDraft({ ...draft, noteKind: event.target.value === 'psychotherapy' ? 'psychotherapy' : 'progress' })
              }
              aria-describedby="tpl-note-kind-help"
            >
              <option value="progress">Progress note (part of the record)</option>
              <option value="psychotherapy">Psychotherapy note (kept apart)</option>
            </select>
            <p id="tpl-note-kind-help" className="hint">
              Psychotherapy notes are kept apart and left out of printouts unless you choose them.
            </p>
          </div>
          <TextBox
            itemKey={TEMPLATE}
            what="description"
            label="Description (shown when choosing a template)"
            className="span-2"
            multiline
            value={draft.description}
            maxLength={1000}
            onChange={(description) => setDraft({ ...draft, description })}
          />
        </div>

        <h3 className="tpl-sections-title">Sections</h3>
        <ol className="tpl-sections">
          {draft.sections.map((section, index) => (
            <SectionEditor
              key={section.key}
              section={section}
              index={index}
              count={draft.sections.length}
              onChange={(next) => setSections(draft.sections.map((each) => (each.key === section.key ? next : each)))}
              onMove={(delta) => setSections(moved(draft.sections, index, delta))}
              onRemove={() => {
                const neighbour = draft.sections[index + 1] ?? draft.sections[index - 1];
                setSections(draft.sections.filter((each) => each.key !== section.key));
                tools.focusLater(neighbour ? [domId(neighbour.key, 'title')] : ['tpl-add-section']);
              }}
            />
          ))}
        </ol>
        <button
          type="button"
          id="tpl-add-section"
          disabled={draft.sections.length >= 40}
          onClick={() => {
            const section = newSection();
            setSections([...draft.sections, section]);
            tools.focusLater([domId(section.key, 'title')], true);
          }}
        >
          Add section
        </button>

        <div className="tpl-footer">
          {problemCount > 0 && (
            <Alert kind="error">
              {problemCount === 1 ? 'One thing needs fixing' : `${problemCount} things need fixing`} before the template
              can be saved{problems.size > 0 ? ': see the marked boxes.' : '.'}
            </Alert>
          )}
          {failure && <Alert kind="error">{failure}</Alert>}
          <div className="actions">
            {saved && (
              <button type="button" className="danger-quiet" onClick={onDelete}>
                Delete template…
              </button>
            )}
            <button type="button" onClick={leave}>
              Cancel
            </button>
            <button type="button" className="primary" disabled={busy} onClick={() => void save()}>
              {busy ? 'Saving…' : 'Save template'}
            </button>
          </div>
        </div>
      </section>
      {confirmation && <ConfirmDialog confirmation={confirmation} onClose={() => setConfirmation(null)} />}
    </EditorContext.Provider>
  );
}

/** "k:12:label" → ["k:12", "label"]; "template:name" → ["template", "name"]. */
function SectionEditor({
  section,
  index,
  count,
  onChange,
  onMove,
  onRemove,
}: {
  section: DraftSection;
  index: number;
  count: number;
  onChange: (section: DraftSection) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}) {
  const { confirm } = useEditor();
  const fields = section.fields.length;
  return (
    <li className="tpl-section" aria-label={`Section ${index + 1}: ${section.title.trim() || 'no title yet'}`}>
      <div className="tpl-item-head">
        <span className="tpl-section-number">Section {index + 1}</span>
        <ItemTools
          itemKey={section.key}
          noun="section"
          name={section.title}
          index={index}
          count={count}
          onMove={onMove}
          keep={count === 1 ? 'A template needs at least one section.' : undefined}
          onRemove={() => {
            if (fields === 0) return onRemove();
            confirm({
              title: 'Remove this section?',
              body: (
                <p>
                  The section {named(section.title, 'section')} and its {fields === 1 ? 'field' : `${fields} fields`}{' '}
                  will be removed from this template. Notes already written keep their own copy.
                </p>
              ),
              action: 'Remove section',
              onConfirm: onRemove,
            });
          }}
        />
      </div>
      <div className="tpl-grid">
        <TextBox
          itemKey={section.key}
          what="title"
          label="Section title"
          value={section.title}
          maxLength={120}
          onChange={(title) => onChange({ ...section, title })}
        />
        <TextBox
          itemKey={section.key}
          what="help"
          label="Guidance under the title (optional)"
          value={section.help ?? ''}
          maxLength={500}
          onChange={(help) => onChange({ ...section, help })}
        />
      </div>
      <FieldList
        ownerKey={section.key}
        addLabel={named(section.title, 'section')}
        fields={section.fields}
        onChange={(next) => onChange({ ...section, fields: next })}
      />
    </li>
  );
}
