import { useCallback, useMemo } from 'react';
import type { WorksheetDef } from '../../../shared/worksheets/types';
import { call } from '../api';
import { AddKindControl, FieldListEditor } from '../components/fieldList/FieldListEditor';
import { useFieldList } from '../components/fieldList/useFieldList';
import { EditorFrame } from '../templates/EditorFrame';
import { domId, TextBox, TextBoxes } from '../templates/editorParts';
import { type DraftCheck, useDraftEditor } from '../templates/useDraftEditor';
import { BlockEditor } from './BlockEditor';
import {
  candidate,
  check,
  type DraftBlock,
  type DraftWorksheet,
  type NewBlockKind,
  newBlock,
  newBlockChoices,
  toDraft,
  WORKSHEET,
} from './worksheetDraft';
import '../templates/templates.css';
import './worksheetEditor.css';

type Props = {
  /** The worksheet to edit: one of the therapist's own, or a fresh duplicate not saved yet. */
  worksheet: WorksheetDef;
  /** False for a duplicate that has never been saved. */
  saved: boolean;
  /** Every id in the library, so a new worksheet's id is unique. */
  takenIds: ReadonlySet<string>;
  /** The title of the worksheet it was copied from, if any. */
  basedOnTitle: string | null;
  onSaved: (worksheet: WorksheetDef) => void;
  onClose: () => void;
};

/**
 * The worksheet editor: replaces the library while open. Nothing is stored until Save;
 * the draft is checked with the core's own schema first, each problem shown at its control.
 * Built from the template editor's parts, so both editors look and behave alike.
 */
export function WorksheetEditor({ worksheet, saved, takenIds, basedOnTitle, onSaved, onClose }: Props) {
  const initial = useMemo(() => toDraft(worksheet), [worksheet]);
  // A fresh copy's id follows its title until the first save, so checks need both facts.
  const checkWorksheet = useCallback(
    (draft: DraftWorksheet): DraftCheck<WorksheetDef> => {
      const result = check(draft, saved, takenIds);
      return result.ok ? { ok: true, value: result.worksheet } : result;
    },
    [saved, takenIds],
  );
  const worksheetText = useCallback(
    (draft: DraftWorksheet) => JSON.stringify(candidate(draft, saved, takenIds)),
    [saved, takenIds],
  );
  const editor = useDraftEditor<DraftWorksheet, WorksheetDef>({
    initial,
    check: checkWorksheet,
    candidateText: worksheetText,
    persist: (checked) => call('worksheets:save', { worksheet: checked }),
    onSaved,
    onClose,
    firstControl: { item: WORKSHEET, what: 'title' },
    saved,
    noun: 'worksheet',
  });

  const { draft, setDraft } = editor;
  return (
    <EditorFrame
      editor={editor}
      noun="worksheet"
      className="card template-editor worksheet-editor"
      titleId="worksheet-editor-title"
      title={<h1 id="worksheet-editor-title">{saved ? 'Edit worksheet' : 'New worksheet'}</h1>}
      badge={saved ? `Saved version ${worksheet.version}` : 'Not saved yet'}
      backLabel="← Back to Worksheets"
      hint={
        <>
          {basedOnTitle ? `Based on “${basedOnTitle}”. ` : ''}
          Homework already assigned keeps the version it was assigned with; your changes apply from the next print.
        </>
      }
    >
      <div className="tpl-grid tpl-head">
        <TextBox
          itemKey={WORKSHEET}
          what="title"
          label="Title (printed at the top)"
          value={draft.title}
          maxLength={120}
          onChange={(title) => setDraft({ ...draft, title })}
        />
        <div className="field">
          <label htmlFor={domId(WORKSHEET, 'orientation')}>Paper</label>
          <select
            id={domId(WORKSHEET, 'orientation')}
            value={draft.orientation}
            onChange={(event) =>
              setDraft({ ...draft, orientation: event.target.value === 'landscape' ? 'landscape' : 'portrait' })
            }
          >
            <option value="portrait">Portrait (upright)</option>
            <option value="landscape">Landscape (sideways, for wide tables)</option>
          </select>
        </div>
        <TextBoxes
          itemKey={WORKSHEET}
          item={draft}
          onChange={(change) => setDraft({ ...draft, ...change })}
          boxes={[
            {
              what: 'purpose',
              label: 'What it is for (shown to you in the library)',
              className: 'span-2',
              maxLength: 300,
            },
            {
              what: 'instructions',
              label: 'Instructions for the client (printed under the title)',
              className: 'span-2',
              multiline: true,
              maxLength: 3000,
            },
          ]}
        />
      </div>

      <h2 className="tpl-sections-title">Parts of the sheet, top to bottom</h2>
      <BlockList blocks={draft.blocks} onChange={(blocks) => setDraft({ ...draft, blocks })} />
    </EditorFrame>
  );
}

/** The parts of the sheet and adding one; inside the editor's context, so the focus follows each change. */
function BlockList({ blocks, onChange }: { blocks: DraftBlock[]; onChange: (blocks: DraftBlock[]) => void }) {
  // A removed part hands the focus to the next one's tools (its first box may be far below);
  // when it is the only part left both are disabled, so its heading takes it.
  const list = useFieldList(blocks, onChange, {
    item: (key) => [domId(key, 'up'), domId(key, 'down'), domId(key, 'heading')],
    whenEmpty: ['ws-add'],
    added: (key) => [domId(key, 'heading')],
  });
  return (
    <FieldListEditor
      list={list}
      className="tpl-sections"
      renderItem={(block, row) => <BlockEditor block={block} row={row} />}
    >
      <AddKindControl<NewBlockKind>
        selectLabel="New part"
        selectId="ws-add-kind"
        choices={newBlockChoices}
        initial="text"
        buttonId="ws-add"
        buttonText="Add part"
        disabled={blocks.length >= 30}
        onAdd={(kind) => list.add(newBlock(kind))}
      />
    </FieldListEditor>
  );
}
