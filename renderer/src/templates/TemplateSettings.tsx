import { useEffect, useState } from 'react';
import type { TemplateDef } from '../../../shared/templates/types';
import { call, messageOf } from '../api';
import { Alert } from '../components/Alert';
import { type Confirmation, ConfirmDialog } from './ConfirmDialog';
import { templateIdFor } from './draft';
import { TemplateEditor } from './TemplateEditor';
import './templates.css';

type Editing = { template: TemplateDef; saved: boolean };
type Message = { kind: 'error' | 'success'; text: string } | null;

/** A copy of any template, ready to edit: a new id from its name, "Copy of …", and where it came from. */
export function duplicateOf(original: TemplateDef, all: readonly TemplateDef[]): TemplateDef {
  const copy = structuredClone(original);
  const { source: _source, ...rest } = copy;
  return {
    ...rest,
    // The source cites what a built-in follows; a copy says what it was based on instead.
    id: templateIdFor(original.name, new Set(all.map((template) => template.id))),
    name: `Copy of ${original.name}`.slice(0, 100),
    builtIn: false,
    version: 1,
    basedOn: original.id,
  };
}

/**
 * Settings › Templates: the built-in templates (read-only) and the therapist's own, with
 * duplicate, edit and delete. The editor replaces the list while it is open.
 */
export function TemplateSettings() {
  const [templates, setTemplates] = useState<TemplateDef[] | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [message, setMessage] = useState<Message>(null);
  const [confirmation, setConfirmation] = useState<Confirmation | null>(null);

  async function reload() {
    try {
      setTemplates(await call('templates:list', {}));
    } catch (error) {
      setMessage({ kind: 'error', text: messageOf(error) });
    }
  }
  useEffect(() => {
    void call('templates:list', {}).then(setTemplates, (error) =>
      setMessage({ kind: 'error', text: messageOf(error) }),
    );
  }, []);

  function backToList(next: Message) {
    setEditing(null);
    setMessage(next);
    // Back where the therapist was: the list, announced by its heading.
    requestAnimationFrame(() => document.getElementById('templates-title')?.focus());
  }

  function askDelete(template: TemplateDef) {
    setConfirmation({
      title: 'Delete this template?',
      body: (
        <>
          <p>
            “{template.name}” will no longer be offered for new notes. Notes written with it keep their copy of it and
            open as before.
          </p>
          <p>Clients who start with it by default will start with the CBT session template instead.</p>
        </>
      ),
      action: 'Delete template',
      onConfirm: () => {
        void call('templates:delete', { id: template.id }).then(
          async () => {
            await reload();
            backToList({ kind: 'success', text: `Deleted “${template.name}”. Notes written with it keep their copy.` });
          },
          (error) => setMessage({ kind: 'error', text: messageOf(error) }),
        );
      },
    });
  }

  const nameOf = (id: string | undefined) =>
    id === undefined ? null : (templates?.find((template) => template.id === id)?.name ?? null);

  if (editing) {
    return (
      <>
        <TemplateEditor
          key={editing.template.id}
          template={editing.template}
          saved={editing.saved}
          basedOnName={nameOf(editing.template.basedOn)}
          onSaved={(saved) => {
            void reload().then(() =>
              backToList({ kind: 'success', text: `Saved “${saved.name}”. New notes can use it now.` }),
            );
          }}
          onDelete={() => askDelete(editing.template)}
          onClose={() => backToList(null)}
        />
        {confirmation && <ConfirmDialog confirmation={confirmation} onClose={() => setConfirmation(null)} />}
      </>
    );
  }

  const custom = (templates ?? []).filter((template) => !template.builtIn);
  const builtIn = (templates ?? []).filter((template) => template.builtIn);
  const duplicate = (template: TemplateDef) => {
    setMessage(null);
    setEditing({ template: duplicateOf(template, templates ?? []), saved: false });
  };

  return (
    <section className="card template-settings" aria-labelledby="templates-title">
      <h2 id="templates-title" tabIndex={-1}>
        Templates
      </h2>
      <p>
        Built-in templates follow published note formats and cannot be changed: duplicate one to make your own. A note
        keeps a copy of the template it was written with, so changing or deleting a template never changes a note.
      </p>
      {message && <Alert kind={message.kind}>{message.text}</Alert>}
      {templates === null && !message && <p className="muted">Loading templates…</p>}
      {templates && (
        <>
          <h3 id="custom-templates-title">Your templates</h3>
          {custom.length === 0 ? (
            <p className="muted small">None yet. Duplicate a built-in template below to start one.</p>
          ) : (
            <ul className="tpl-list" aria-labelledby="custom-templates-title">
              {custom.map((template) => (
                <TemplateRow
                  key={template.id}
                  template={template}
                  basedOnName={nameOf(template.basedOn)}
                  onEdit={() => {
                    setMessage(null);
                    setEditing({ template, saved: true });
                  }}
                  onDuplicate={() => duplicate(template)}
                  onDelete={() => askDelete(template)}
                />
              ))}
            </ul>
          )}
          <h3 id="builtin-templates-title">Built-in</h3>
          <ul className="tpl-list" aria-labelledby="builtin-templates-title">
            {builtIn.map((template) => (
              <TemplateRow
                key={template.id}
                template={template}
                basedOnName={null}
                onDuplicate={() => duplicate(template)}
              />
            ))}
          </ul>
        </>
      )}
      {confirmation && <ConfirmDialog confirmation={confirmation} onClose={() => setConfirmation(null)} />}
    </section>
  );
}

function TemplateRow({
  template,
  basedOnName,
  onEdit,
  onDuplicate,
  onDelete,
}: {
  template: TemplateDef;
  basedOnName: string | null;
  onEdit?: () => void;
  onDuplicate: () => void;
  onDelete?: () => void;
}) {
  const sections = template.sections.length;
  return (
    <li className="tpl-row" aria-label={template.name}>
      <div className="tpl-row-text">
        <div className="tpl-row-name">
          {template.name}
          {template.builtIn && <span className="badge">Built-in</span>}
          {template.noteKind === 'psychotherapy' && <span className="badge">Kept apart</span>}
        </div>
        <p className="hint tpl-row-description">{template.description}</p>
        <p className="hint">
          {sections === 1 ? '1 section' : `${sections} sections`}
          {basedOnName ? ` · based on ${basedOnName}` : ''}
          {template.builtIn ? '' : ` · version ${template.version}`}
        </p>
      </div>
      <div className="tpl-row-actions">
        {onEdit && (
          <button type="button" onClick={onEdit} aria-label={`Edit ${template.name}`}>
            Edit
          </button>
        )}
        <button type="button" onClick={onDuplicate} aria-label={`Duplicate ${template.name}`}>
          Duplicate
        </button>
        {onDelete && (
          <button type="button" className="danger-quiet" onClick={onDelete} aria-label={`Delete ${template.name}…`}>
            Delete…
          </button>
        )}
      </div>
    </li>
  );
}
