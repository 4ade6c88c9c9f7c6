import { randomUUID } from 'node:crypto';
import { findBuiltInTemplate } from '../../../shared/templates';
import { builtInDistortions } from '../../../shared/templates/distortions';
import type { TemplateDef } from '../../../shared/templates/types';
import { CoreError } from '../coreError';
import type { VaultDb } from '../db/database';

/**
 * The therapist's own templates and cognitive distortions. Built-ins stay read-only
 * and always available; a custom template is saved as a new version each time, and
 * deleting it only hides it: notes keep the copy of the template they were written with.
 */

export function saveCustomTemplate(db: VaultDb, template: TemplateDef, now: Date): TemplateDef {
  if (findBuiltInTemplate(template.id)) {
    throw new CoreError('INVALID_REQUEST', 'Built-in templates cannot be changed: duplicate it and edit the copy.', {
      field: 'template.id',
    });
  }
  const at = now.toISOString();
  return db.transaction(() => {
    const existing = db.prepare('SELECT definition FROM custom_templates WHERE id = ?').get(template.id) as
      | { definition: string }
      | undefined;
    const version = existing ? (JSON.parse(existing.definition) as TemplateDef).version + 1 : 1;
    const saved: TemplateDef = { ...template, builtIn: false, version };
    db.prepare(
      `INSERT INTO custom_templates (id, definition, created_at, updated_at) VALUES (@id, @definition, @at, @at)
       ON CONFLICT(id) DO UPDATE SET definition = excluded.definition, updated_at = excluded.updated_at, deleted_at = NULL`,
    ).run({ id: template.id, definition: JSON.stringify(saved), at });
    return saved;
  })();
}

export function deleteCustomTemplate(db: VaultDb, id: string, now: Date): void {
  if (findBuiltInTemplate(id)) {
    throw new CoreError('INVALID_REQUEST', 'Built-in templates are always available and cannot be deleted.', {
      field: 'id',
    });
  }
  db.transaction(() => {
    const result = db
      .prepare('UPDATE custom_templates SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL')
      .run(now.toISOString(), id);
    if (result.changes === 0) throw new CoreError('NOT_FOUND', 'That template does not exist.');
    db.prepare('UPDATE clients SET default_template_id = NULL WHERE default_template_id = ?').run(id);
  })();
}

export type DistortionEntry = { id: string; label: string; description: string; builtIn: boolean };

export function listDistortions(db: VaultDb): DistortionEntry[] {
  const custom = db.prepare('SELECT id, label FROM custom_distortions ORDER BY created_at').all() as {
    id: string;
    label: string;
  }[];
  return [
    ...builtInDistortions.map((each) => ({ ...each, builtIn: true })),
    ...custom.map((each) => ({ id: each.id, label: each.label, description: '', builtIn: false })),
  ];
}

export function addDistortion(db: VaultDb, label: string, now: Date): DistortionEntry {
  const taken = listDistortions(db).some((each) => each.label.toLocaleLowerCase() === label.toLocaleLowerCase());
  if (taken) throw new CoreError('INVALID_REQUEST', 'That distortion is already in the list.', { field: 'label' });
  const id = `custom-${randomUUID().slice(0, 8)}`;
  db.prepare('INSERT INTO custom_distortions (id, label, created_at) VALUES (?, ?, ?)').run(
    id,
    label,
    now.toISOString(),
  );
  return { id, label, description: '', builtIn: false };
}
