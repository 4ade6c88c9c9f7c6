import { useMemo } from 'react';
import type { TemplateDef } from '../../../shared/templates/types';
import { call } from '../api';
import { FieldListEditor, ItemCard, type Row } from '../components/fieldList/FieldListEditor';
import { useFieldList } from '../components/fieldList/useFieldList';
import { candidate, check, type DraftSection, type DraftTemplate, newSection, toDraft } from './draft';
import { EditorFrame } from './EditorFrame';
import { domId, named, TextBox, TextBoxes, useEditor } from './editorParts';
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
  const editor = useDraftEditor<DraftTemplate, TemplateDef>({
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
  const { draft, setDraft } = editor;

  return (
    <EditorFrame
      editor={editor}
      noun="template"
      className="card template-editor"
      titleId="template-editor-title"
      title={<h2 id="template-editor-title">{saved ? 'Edit template' : 'New template'}</h2>}
      badge={saved ? `Saved version ${template.version}` : 'Not saved yet'}
      backLabel="← Back to Settings"
      hint={
        <>
          {basedOnName ? `Based on ${basedOnName}. ` : ''}
          Notes already written keep the template they were written with; your changes apply to notes started after you
          save.
        </>
      }
      extraActions={
        saved && (
          <button type="button" className="danger-quiet" onClick={onDelete}>
            Delete template…
          </button>
        )
      }
    >
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
      <SectionList sections={draft.sections} onChange={(sections) => setDraft({ ...draft, sections })} />
    </EditorFrame>
  );
}

/** The sections and adding one; inside the editor's context, so the focus follows each change. */
function SectionList({
  sections,
  onChange,
}: {
  sections: DraftSection[];
  onChange: (sections: DraftSection[]) => void;
}) {
  const list = useFieldList(sections, onChange, {
    item: (key) => [domId(key, 'title')],
    whenEmpty: ['tpl-add-section'],
  });
  return (
    <FieldListEditor
      list={list}
      className="tpl-sections"
      renderItem={(section, row) => <SectionEditor section={section} row={row} />}
    >
      <button
        type="button"
        id="tpl-add-section"
        disabled={sections.length >= 40}
        onClick={() => list.add(newSection())}
      >
        Add section
      </button>
    </FieldListEditor>
  );
}

/** One section: its title, guidance and fields; removing one with fields asks first. */
function SectionEditor({ section, row }: { section: DraftSection; row: Row<DraftSection> }) {
  const { confirm } = useEditor();
  const { index, replace: onChange, remove: onRemove } = row;
  const fields = section.fields.length;
  return (
    <ItemCard
      row={row}
      className="tpl-section"
      label={`Section ${index + 1}: ${section.title.trim() || 'no title yet'}`}
      caption={`Section ${index + 1}`}
      captionClassName="tpl-section-number"
      itemKey={section.key}
      noun="section"
      name={section.title}
      keepLast="A template needs at least one section."
      onRemove={() => {
        if (fields === 0) return onRemove();
        confirm({
          title: 'Remove this section?',
          body: (
            <p>
              The section {named(section.title, 'section')} and its {fields === 1 ? 'field' : `${fields} fields`} will
              be removed from this template. Notes already written keep their own copy.
            </p>
          ),
          action: 'Remove section',
          onConfirm: onRemove,
        });
      }}
    >
      <div className="tpl-grid">
        <TextBoxes
          itemKey={section.key}
          item={section}
          onChange={row.update}
          boxes={[
            { what: 'title', label: 'Section title', maxLength: 120 },
            { what: 'help', label: 'Guidance under the title (optional)', maxLength: 500 },
          ]}
        />
      </div>
      <FieldList
        ownerKey={section.key}
        addLabel={named(section.title, 'section')}
        fields={section.fields}
        onChange={(next) => onChange({ ...section, fields: next })}
      />
    </ItemCard>
  );
}
