import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Core, createCore } from '../../electron/core/core';
import { type Client, emptyClientInput } from '../../shared/clients/client';
import type { Note } from '../../shared/notes/note';
import type { RiskSummary } from '../../shared/notes/riskSummary';
import {
  emptySafetyPlanSteps,
  type SafetyPlanSteps,
  type SafetyPlanVersion,
  type SafetyPlanVersionRef,
  versionsMadeIn,
} from '../../shared/safetyPlan/plan';
import { expectFailure, expectOk, makeTempFolder, PASSPHRASE, removeFolder } from './support/vaultFolder';

/**
 * A client's safety plan (issue 12) through the core's front door, on a real encrypted
 * vault with an injected clock: each save a new dated version, never changed; earlier
 * versions readable; the note it was revised in kept; the risk flag shows the latest date.
 */

let folder: string;
let core: Core;
let clock: number;
let client: Client;

type Plan = { latest: SafetyPlanVersion | null; versions: SafetyPlanVersionRef[] };

beforeEach(async () => {
  folder = makeTempFolder('safety-plan');
  clock = Date.parse('2026-03-02T09:00:00.000Z');
  core = createCore({ folder, now: () => clock });
  expectOk(await core.handle('vault:create', { passphrase: PASSPHRASE }));
  expectOk(await core.handle('settings:update', { therapistName: 'Dr Ana Ruiz' }));
  client = expectOk<Client>(
    await core.handle('clients:create', { client: { ...emptyClientInput, displayName: 'Amara Okafor' } }),
  );
});
afterEach(async () => {
  await core.shutdown();
  removeFolder(folder);
});

const steps = (overrides: Partial<SafetyPlanSteps> = {}): SafetyPlanSteps => ({
  ...emptySafetyPlanSteps(),
  warningSigns: ['Not sleeping', 'Pulling away from friends'],
  helpers: ['Sam (sister)'],
  ...overrides,
});
const get = async (clientId = client.id) => expectOk<Plan>(await core.handle('safetyPlan:get', { clientId }));
const save = async (request: Record<string, unknown>) =>
  core.handle('safetyPlan:save', { clientId: client.id, ...request });

describe('the safety plan as versioned records', () => {
  it('has no plan at first, and the risk flag says so', async () => {
    expect(await get()).toEqual({ latest: null, versions: [] });
    const summary = expectOk<RiskSummary>(await core.handle('clients:riskSummary', { clientId: client.id }));
    expect(summary.safetyPlan).toBeNull();
  });

  it('saves each change as a new dated version and keeps the earlier ones as they were', async () => {
    const first = expectOk<SafetyPlanVersion>(await save({ steps: steps() }));
    expect(first).toMatchObject({
      version: 1,
      clientId: client.id,
      noteId: null,
      createdAt: '2026-03-02T09:00:00.000Z',
    });
    clock = Date.parse('2026-03-16T10:30:00.000Z');
    const second = expectOk<SafetyPlanVersion>(
      await save({ steps: steps({ safeEnvironment: ['Pills kept by Sam'], reasonsForLiving: ['My daughter'] }) }),
    );
    expect(second.version).toBe(2);

    const plan = await get();
    expect(plan.latest).toEqual(second);
    expect(plan.latest?.steps.reasonsForLiving).toEqual(['My daughter']);
    expect(plan.versions.map((each) => [each.version, each.createdAt])).toEqual([
      [2, '2026-03-16T10:30:00.000Z'],
      [1, '2026-03-02T09:00:00.000Z'],
    ]);
    const earlier = expectOk<SafetyPlanVersion>(
      await core.handle('safetyPlan:version', { clientId: client.id, id: first.id }),
    );
    expect(earlier).toEqual(first);
    expect(earlier.steps.safeEnvironment).toEqual([]);

    const summary = expectOk<RiskSummary>(await core.handle('clients:riskSummary', { clientId: client.id }));
    expect(summary.safetyPlan).toEqual({ date: '2026-03-16T10:30:00.000Z' });
  });

  it('trims each line as typed', async () => {
    const saved = expectOk<SafetyPlanVersion>(await save({ steps: steps({ warningSigns: ['  Not sleeping  '] }) }));
    expect(saved.steps.warningSigns).toEqual(['Not sleeping']);
  });

  it('records the draft note it was revised in, and lists the versions made in each note', async () => {
    const note = expectOk<Note>(await core.handle('notes:create', { clientId: client.id, templateId: 'cbt-session' }));
    const outside = expectOk<SafetyPlanVersion>(await save({ steps: steps() }));
    clock = Date.parse('2026-03-09T10:00:00.000Z');
    const saved = expectOk<SafetyPlanVersion>(await save({ steps: steps(), noteId: note.id }));
    expect(saved).toMatchObject({ noteId: note.id, version: 2, createdAt: '2026-03-09T10:00:00.000Z' });
    const third = expectOk<SafetyPlanVersion>(await save({ steps: steps({ helpers: ['Sam'] }), noteId: note.id }));
    const later = expectOk<Note>(await core.handle('notes:create', { clientId: client.id, templateId: 'soap' }));

    const { versions } = await get();
    expect(versions.find((each) => each.id === saved.id)?.noteId).toBe(note.id);
    expect(versionsMadeIn(versions, note.id).map((each) => each.version)).toEqual([2, 3]);
    expect(versionsMadeIn(versions, note.id).map((each) => each.id)).toEqual([saved.id, third.id]);
    expect(versionsMadeIn(versions, later.id)).toEqual([]);
    expect(versions.find((each) => each.id === outside.id)?.noteId).toBeNull();
  });

  it('refuses a note that is signed, of another client or unknown, in plain words, and keeps nothing', async () => {
    const note = expectOk<Note>(await core.handle('notes:create', { clientId: client.id, templateId: 'cbt-session' }));
    expectOk(await save({ steps: steps(), noteId: note.id }));
    expectOk(await core.handle('notes:sign', { id: note.id }));
    const other = expectOk<Client>(
      await core.handle('clients:create', { client: { ...emptyClientInput, displayName: 'Ben Other' } }),
    );
    const theirs = expectOk<Note>(await core.handle('notes:create', { clientId: other.id, templateId: 'cbt-session' }));

    const signed = expectFailure(await save({ steps: steps(), noteId: note.id }), 'NOTE_SIGNED');
    expect(signed.message).toBe(
      'The safety plan was not saved: that note is signed and can no longer change. Revise the plan in a draft note or from the client’s page.',
    );
    const another = expectFailure(await save({ steps: steps(), noteId: theirs.id }), 'INVALID_REQUEST');
    expect(another.message).toBe(
      'The safety plan was not saved: that note belongs to another client. A plan is saved in a note of the same client.',
    );
    const unknown = expectFailure(
      await save({ steps: steps(), noteId: '99999999-9999-4999-8999-999999999999' }),
      'NOT_FOUND',
    );
    expect(unknown.message).toBe(
      'The safety plan was not saved: the note it was filled in from does not exist. Save it from the client’s page or from a draft note.',
    );
    // The other client's draft note is not theirs to record this client's plan in, nor the reverse.
    const reverse = expectFailure(
      await core.handle('safetyPlan:save', { clientId: other.id, steps: steps(), noteId: note.id }),
      'INVALID_REQUEST',
    );
    expect(reverse.message).toMatch(/belongs to another client/);

    expect((await get()).versions).toHaveLength(1);
    expect((await get(other.id)).versions).toEqual([]);
  });

  it.each([
    [
      'an empty plan',
      { steps: emptySafetyPlanSteps() },
      'Write at least one line in the safety plan before saving it.',
    ],
    ['a blank line', { steps: steps({ copingStrategies: ['   '] }) }, null],
    ['a line of 301 characters', { steps: steps({ warningSigns: ['x'.repeat(301)] }) }, null],
    ['13 lines in one step', { steps: steps({ helpers: Array.from({ length: 13 }, (_, i) => `Person ${i}`) }) }, null],
    ['a step it does not know', { steps: { ...steps(), other: ['x'] } }, null],
    ['a line that is not text', { steps: steps({ helpers: [42 as unknown as string] }) }, null],
    ['a missing step', { steps: { warningSigns: ['x'] } }, null],
  ])('refuses %s and records nothing', async (_why, request, message) => {
    const failure = expectFailure(await save(request), 'INVALID_REQUEST');
    if (message) expect(failure.message).toBe(message);
    expect(failure.message).not.toMatch(/warningSigns|helpers|steps\./);
    expect(await get()).toEqual({ latest: null, versions: [] });
  });

  it('refuses an unknown client and a version of another client', async () => {
    const saved = expectOk<SafetyPlanVersion>(await save({ steps: steps() }));
    const unknown = '99999999-9999-4999-8999-999999999999';
    expectFailure(await core.handle('safetyPlan:get', { clientId: unknown }), 'NOT_FOUND');
    expectFailure(await core.handle('safetyPlan:save', { clientId: unknown, steps: steps() }), 'NOT_FOUND');
    const other = expectOk<Client>(
      await core.handle('clients:create', { client: { ...emptyClientInput, displayName: 'Ben Other' } }),
    );
    expectFailure(await core.handle('safetyPlan:version', { clientId: other.id, id: saved.id }), 'NOT_FOUND');
  });

  it('logs the save with its version and never what the plan says', async () => {
    expectOk(await save({ steps: steps({ warningSigns: ['SECRET-WORDS'] }) }));
    const page = expectOk<{ entries: { action: string; detail: unknown }[] }>(
      await core.handle('audit:list', { limit: 50 }),
    );
    const entry = page.entries.find((each) => each.action === 'safetyPlan.saved');
    expect(entry?.detail).toEqual({ clientId: client.id, version: 1 });
    expect(JSON.stringify(page.entries)).not.toContain('SECRET-WORDS');
  });
});
