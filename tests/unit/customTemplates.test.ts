import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Core, createCore } from '../../electron/core/core';
import { type Client, emptyClientInput } from '../../shared/clients/client';
import type { DistortionEntry } from '../../shared/ipc/contract';
import type { Note } from '../../shared/notes/note';
import { findBuiltInTemplate } from '../../shared/templates';
import type { TemplateDef } from '../../shared/templates/types';
import { expectFailure, expectOk, makeTempFolder, PASSPHRASE, removeFolder } from './support/vaultFolder';

/**
 * The therapist's own templates and distortions, through the core's front door on a
 * real encrypted vault: built-ins stay read-only and always there; notes keep the
 * template they were written with, whatever happens to it later.
 */

let folder: string;
let core: Core;

beforeEach(async () => {
  folder = makeTempFolder('templates');
  core = createCore({ folder });
  expectOk(await core.handle('vault:create', { passphrase: PASSPHRASE }));
});
afterEach(async () => {
  await core.shutdown();
  removeFolder(folder);
});

function copyOfSoap(): TemplateDef {
  const soap = structuredClone(findBuiltInTemplate('soap')) as TemplateDef;
  return { ...soap, id: 'my-soap', name: 'My SOAP', builtIn: false, basedOn: 'soap' };
}

const templates = async () => expectOk<TemplateDef[]>(await core.handle('templates:list', {}));

describe('custom templates', () => {
  it('a duplicate of a built-in is saved, versioned on each save, and listed after the built-ins', async () => {
    const first = expectOk<TemplateDef>(await core.handle('templates:save', { template: copyOfSoap() }));
    expect(first).toMatchObject({ id: 'my-soap', version: 1, builtIn: false, basedOn: 'soap' });
    const renamed = expectOk<TemplateDef>(
      await core.handle('templates:save', { template: { ...first, name: 'SOAP, short' } }),
    );
    expect(renamed.version).toBe(2);
    const listed = await templates();
    expect(listed.filter((each) => each.builtIn).length).toBe(7);
    expect(listed.at(-1)).toMatchObject({ id: 'my-soap', name: 'SOAP, short', version: 2 });
  });

  it('built-ins cannot be overwritten or deleted', async () => {
    const soap = findBuiltInTemplate('soap') as TemplateDef;
    const failure = expectFailure(
      await core.handle('templates:save', { template: { ...soap, name: 'Hijacked' } }),
      'INVALID_REQUEST',
    );
    expect(failure.field).toBe('template.id');
    expectFailure(await core.handle('templates:delete', { id: 'soap' }), 'INVALID_REQUEST');
    expect((await templates()).find((each) => each.id === 'soap')?.name).toBe(soap.name);
  });

  it('an invalid template is refused by its schema (duplicate field ids)', async () => {
    const broken = copyOfSoap();
    const section = broken.sections[0];
    if (!section?.fields[0]) throw new Error('SOAP has no fields');
    section.fields.push({ ...section.fields[0] });
    expectFailure(await core.handle('templates:save', { template: broken }), 'INVALID_REQUEST');
    expect((await templates()).some((each) => each.id === 'my-soap')).toBe(false);
  });

  it('changing or deleting a template never changes a note written with it', async () => {
    const client = expectOk<Client>(
      await core.handle('clients:create', { client: { ...emptyClientInput, displayName: 'Ana Lima' } }),
    );
    const saved = expectOk<TemplateDef>(await core.handle('templates:save', { template: copyOfSoap() }));
    const note = expectOk<Note>(await core.handle('notes:create', { clientId: client.id, templateId: 'my-soap' }));
    expect(note.template).toEqual(saved);
    expectOk(
      await core.handle('templates:save', {
        template: { ...saved, name: 'Changed later', sections: saved.sections.slice(0, 1) },
      }),
    );
    expectOk(await core.handle('templates:delete', { id: 'my-soap' }));
    const reloaded = expectOk<Note>(await core.handle('notes:get', { id: note.id }));
    expect(reloaded.template).toEqual(saved);
    expect((await templates()).some((each) => each.id === 'my-soap')).toBe(false);
    expectFailure(await core.handle('notes:create', { clientId: client.id, templateId: 'my-soap' }), 'NOT_FOUND');
  });

  it('a client’s default template is kept, and reset when that template is deleted', async () => {
    const client = expectOk<Client>(
      await core.handle('clients:create', { client: { ...emptyClientInput, displayName: 'Ben Okafor' } }),
    );
    expect(client.defaultTemplateId).toBeNull();
    expectOk(await core.handle('templates:save', { template: copyOfSoap() }));
    const withDefault = expectOk<Client>(
      await core.handle('clients:setDefaultTemplate', { id: client.id, templateId: 'my-soap' }),
    );
    expect(withDefault.defaultTemplateId).toBe('my-soap');
    expectFailure(
      await core.handle('clients:setDefaultTemplate', { id: client.id, templateId: 'no-such-template' }),
      'NOT_FOUND',
    );
    expectOk(await core.handle('templates:delete', { id: 'my-soap' }));
    expect(expectOk<Client>(await core.handle('clients:get', { id: client.id })).defaultTemplateId).toBeNull();
  });
});

describe('cognitive distortions', () => {
  it('lists Burns’ ten first, adds the therapist’s own, refuses duplicates', async () => {
    const before = expectOk<DistortionEntry[]>(await core.handle('distortions:list', {}));
    expect(before).toHaveLength(10);
    expect(before.every((each) => each.builtIn)).toBe(true);
    const added = expectOk<DistortionEntry>(await core.handle('distortions:add', { label: 'Comparing' }));
    expect(added).toMatchObject({ label: 'Comparing', builtIn: false });
    expectFailure(await core.handle('distortions:add', { label: 'comparing' }), 'INVALID_REQUEST');
    expectFailure(await core.handle('distortions:add', { label: before[0]?.label ?? '' }), 'INVALID_REQUEST');
    const after = expectOk<DistortionEntry[]>(await core.handle('distortions:list', {}));
    expect(after.map((each) => each.id)).toEqual([...before.map((each) => each.id), added.id]);
  });
});
