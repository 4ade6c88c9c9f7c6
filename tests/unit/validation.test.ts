import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { type Core, createCore } from '../../electron/core/core';
import { emptyClientInput } from '../../shared/clients/client';
import { type Channel, channels } from '../../shared/ipc/channels';
import { contract, envelopeSchema, PASSPHRASE_REQUEST_LIMIT, type RequestOf } from '../../shared/ipc/contract';
import type { Envelope } from '../../shared/ipc/envelope';
import { defaultSettings } from '../../shared/settings';
import { expectOk, makeTempFolder, PASSPHRASE, removeFolder } from './support/vaultFolder';
import { snapshotVault as snapshotVaultOf } from './support/vaultSnapshot';

/**
 * The IPC boundary (electron/core/dispatch.ts): every request is parsed against its
 * channel's schema before any handler runs. For every channel in `channels`, malformed
 * payloads built generically from a valid request's shape must come back as
 * INVALID_REQUEST naming the field, pollute no prototype, and change nothing in the
 * vault. A new channel is covered as soon as it has a valid sample below (the
 * `satisfies` makes a missing sample a type error).
 */

type Path = (string | number)[];
type Mutation = { label: string; field: string; build(valid: unknown): unknown };

const HUGE = 'x'.repeat(5 * 1024 * 1024);
const PLACEHOLDER_ID = '00000000-0000-4000-8000-000000000000';

// ---------------------------------------------------------------------------------
// The vault under test: unlocked, two clients (one archived), a changed setting.

let core: Core;
let folder: string;
const fixture = { clientIds: [] as string[], recoveryKey: '', noteId: '' };

beforeAll(async () => {
  folder = makeTempFolder('validation');
  core = createCore({ folder });
  fixture.recoveryKey = expectOk<{ recoveryKey: string }>(
    await core.handle('vault:create', { passphrase: PASSPHRASE }),
  ).recoveryKey;
  for (const displayName of ['Ana Lima', 'Ben Okafor']) {
    const client = expectOk<{ id: string }>(
      await core.handle('clients:create', {
        client: { ...emptyClientInput, displayName, presentingConcerns: `Concerns of ${displayName}` },
      }),
    );
    fixture.clientIds.push(client.id);
  }
  fixture.noteId = expectOk<{ id: string }>(
    await core.handle('notes:create', { clientId: fixture.clientIds[0], templateId: 'cbt-session' }),
  ).id;
  expectOk(await core.handle('clients:archive', { id: fixture.clientIds[1] }));
  expectOk(await core.handle('settings:update', { autoLockMinutes: 15 }));
});

afterAll(async () => {
  await core?.shutdown();
  if (folder) removeFolder(folder);
});

beforeEach(async () => {
  // If a request wrongly got through and locked the vault, only that test fails, not every later one.
  if (!core.vault.isUnlocked) await core.vault.unlock(PASSPHRASE);
});

afterEach(() => {
  // Belt and braces: a polluted prototype would leak into every later test.
  delete (Object.prototype as Record<string, unknown>).polluted;
});

/** A valid request per channel; mutations change exactly one thing in it. */
function validRequests(clientId: string) {
  const noteId = fixture.noteId || PLACEHOLDER_ID;
  const client = { ...emptyClientInput, displayName: 'Valid Name', email: 'valid@example.org', diagnosisCode: 'F32.1' };
  return {
    'vault:status': {},
    'vault:create': { passphrase: PASSPHRASE },
    'vault:unlock': { passphrase: PASSPHRASE },
    'vault:unlockWithRecoveryKey': { recoveryKey: fixture.recoveryKey || 'A'.repeat(56), newPassphrase: PASSPHRASE },
    'vault:lock': {},
    'vault:changePassphrase': { currentPassphrase: PASSPHRASE, newPassphrase: `${PASSPHRASE} again` },
    'vault:recoveryKey': {},
    'vault:confirmRecoveryKey': {
      answers: [
        { group: 1, value: 'AAAA' },
        { group: 2, value: 'BBBB' },
      ],
    },
    'vault:security': {},
    'vault:newRecoveryKey': { currentPassphrase: PASSPHRASE },
    'vault:reencrypt': { currentPassphrase: PASSPHRASE },
    'session:touch': {},
    'session:saved': { id: '5b1e9a3c-3f4e-4d7a-9c2b-1a2b3c4d5e6f', complete: true },
    'settings:get': {},
    'settings:update': { autoLockMinutes: 5 },
    'settings:setBackupFolder': { folder: 'F'.repeat(43) },
    'clients:list': { includeArchived: true },
    'clients:get': { id: clientId },
    'clients:riskSummary': { clientId },
    'clients:create': { client },
    'clients:update': { id: clientId, client },
    'clients:archive': { id: clientId },
    'clients:restore': { id: clientId },
    'templates:list': {},
    'notes:listForClient': { clientId },
    'notes:create': { clientId, templateId: 'cbt-session', carryForward: ['bridge'] },
    'notes:get': { id: noteId },
    'notes:saveDraft': { id: noteId, changes: { summary: null } },
    'notes:sign': { id: noteId },
    'notes:addAddendum': {
      id: noteId,
      // Nodes below the document are checked recursively (z.lazy), which the generic
      // mutations cannot see into; an empty document keeps the sample's shape visible.
      text: { type: 'doc', content: [] },
    },
    'notes:revisions': { id: noteId },
    'notes:revision': { id: noteId, revisionId: 1 },
    'notes:restoreRevision': { id: noteId, revisionId: 1 },
    'notes:overdueDrafts': {},
    'search:query': { query: 'Ana', clientId, from: '2026-01-01', to: '2026-12-31' },
    'templates:save': {
      template: {
        id: 'my-template',
        name: 'My template',
        version: 1,
        noteKind: 'progress',
        description: 'A short one.',
        builtIn: false,
        sections: [{ id: 'main', title: 'Main', fields: [{ id: 'notes', label: 'Notes', kind: 'shortText' }] }],
      },
    },
    'templates:delete': { id: 'my-template' },
    'distortions:list': {},
    'distortions:add': { label: 'Comparing' },
    'clients:setDefaultTemplate': { id: clientId, templateId: 'soap' },
    'worksheets:list': {},
    'worksheets:save': {
      worksheet: {
        id: 'my-sheet',
        version: 1,
        title: 'My sheet',
        purpose: 'Practice.',
        instructions: 'Write it down.',
        orientation: 'portrait',
        builtIn: false,
        blocks: [{ kind: 'text', id: 'intro', body: 'Hello.' }],
      },
    },
    'homework:assign': {
      assignment: {
        clientId,
        worksheetId: 'thought-record-3',
        title: 'Thought record',
        instructions: { type: 'doc', content: [] },
        frequency: { kind: 'daily' },
        startDate: '2026-03-02',
        dueDate: '2026-03-09',
        target: '5 of 7 days',
        noteId: null,
      },
    },
    'homework:listForClient': { clientId },
    'homework:review': { id: PLACEHOLDER_ID, status: 'done', amount: '', barrier: '', noteId: null },
    'safetyPlan:get': { clientId },
    'safetyPlan:save': {
      clientId,
      steps: {
        warningSigns: ['Not sleeping, pulling away from friends'],
        copingStrategies: ['Walk the dog'],
        distractions: ['The library café'],
        helpers: ['My sister'],
        professionals: [],
        safeEnvironment: ['Medicines kept by my partner'],
        reasonsForLiving: ['My children'],
      },
      noteId: null,
    },
    'safetyPlan:version': { clientId, id: PLACEHOLDER_ID },
    'intake:listForClient': { clientId },
    'intake:add': {
      clientId,
      noteId: null,
      fields: {
        kind: 'substance',
        name: 'Kratom',
        product: '',
        amount: '2',
        unit: 'g',
        route: 'oral',
        frequency: 'daily',
        startedOn: '2026-01-05',
        lastUseOn: '',
        obtainedFrom: 'online',
        clientSaysFor: 'mood',
        prescriberKnows: 'unknown',
        stoppedOn: '',
      },
    },
    'intake:update': {
      id: PLACEHOLDER_ID,
      noteId: null,
      fields: { kind: 'medication', name: 'Sertraline', dose: '50 mg', prescriber: '', startedOn: '', stoppedOn: '' },
    },
    'intake:setContext': {
      clientId,
      context: { pregnant: false, breastfeeding: false, bipolar: true, liverDisease: false, seizureHistory: false },
    },
    'intake:markReviewed': { clientId, noteId },
    'cautions:recordAction': {
      clientId,
      noteId: null,
      cautionId: 'kratom-benzodiazepines',
      cautionTitle: 'Kratom with benzodiazepines',
      severity: 'serious',
      involves: ['kratom', 'alprazolam'],
      action: 'discussed',
      reason: '',
      kbVersion: '1.0.0',
    },
    'measures:record': {
      administration: {
        clientId,
        noteId: null,
        instrument: 'phq9',
        answers: [1, 1, 1, 1, 1, 1, 1, 1, 0],
        sex: null,
        givenOn: '2026-01-05',
      },
    },
    'measures:listForClient': { clientId },
    'audit:list': { before: 10, limit: 50 },
    'audit:verify': { again: false },
    'audit:export': {},
    'audit:recordPrint': { kind: 'notes', clientId, count: 2 },
    'health:scan': {},
    'health:exportRaw': { table: 'settings', rowid: 1 },
    'health:remove': { table: 'custom_templates', rowid: 1, reason: 'Came from an old import and cannot be read.' },
    // Tokens of the right shape that no adapter registered (issue 13: the page sends no paths).
    'export:vault': { target: 'T'.repeat(43) },
    'export:cancel': {},
    'backup:cancel': {},
    'backup:setAside': {},
    'backup:bringBack': { path: '/nonexistent/vault/set-aside-2026-01-01T00-00-00Z', passphrase: PASSPHRASE },
    'import:plan': { source: 'S'.repeat(43) },
    'import:apply': { source: 'S'.repeat(43) },
    'backup:status': {},
    'backup:now': {},
    'backup:list': { folder: 'F'.repeat(43) },
    'backup:summary': {
      id: 'sessionkeep-backup-2026-01-01T00-00-00Z',
      folder: 'F'.repeat(43),
      secret: { kind: 'passphrase', passphrase: PASSPHRASE },
    },
    'backup:restore': {
      id: 'sessionkeep-backup-2026-01-01T00-00-00Z',
      folder: 'F'.repeat(43),
      secret: { kind: 'passphrase', passphrase: PASSPHRASE },
    },
  } satisfies { [C in Channel]: RequestOf<C> };
}

// ---------------------------------------------------------------------------------
// Building malformed payloads from a valid one.

const fieldName = (path: Path) => (path.length > 0 ? path.map(String).join('.') : '(request)');

type Kind = 'string' | 'number' | 'boolean' | 'null' | 'array' | 'object';
const kindOf = (value: unknown): Kind =>
  value === null
    ? 'null'
    : Array.isArray(value)
      ? 'array'
      : (typeof value as 'string' | 'number' | 'boolean' | 'object');

const WRONG_TYPES: { label: string; value: unknown }[] = [
  { label: 'a number', value: 42 },
  { label: 'a string', value: 'a string' },
  { label: 'a boolean', value: true },
  { label: 'null', value: null },
  { label: 'an array', value: [] },
  { label: 'an object', value: {} },
];

const NOT_AN_OBJECT: { label: string; value: () => unknown }[] = [
  { label: 'undefined', value: () => undefined },
  { label: 'null', value: () => null },
  { label: 'a number', value: () => 42 },
  { label: 'NaN', value: () => Number.NaN },
  { label: 'a string', value: () => 'vault' },
  { label: 'a 5 MB string', value: () => HUGE },
  { label: 'a boolean', value: () => true },
  { label: 'an empty array', value: () => [] },
  { label: 'a function', value: () => () => 1 },
];

/** Prototype-pollution attempts, as they arrive from JSON or from a careless merge. */
const pollutionPayloads: { label: string; key: string; make: () => Record<string, unknown> }[] = [
  { label: '__proto__ (from JSON.parse)', key: '__proto__', make: () => JSON.parse('{"__proto__":{"polluted":1}}') },
  { label: 'constructor.prototype', key: 'constructor', make: () => ({ constructor: { prototype: { polluted: 1 } } }) },
];

/** Replaces the value at `path` in a deep copy of `valid`. */
function edit(valid: unknown, path: Path, change: (current: unknown) => unknown): unknown {
  if (path.length === 0) return change(structuredClone(valid));
  const copy = structuredClone(valid) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  parent[last] = change(parent[last]);
  return copy;
}

function remove(valid: unknown, path: Path): unknown {
  return edit(valid, path.slice(0, -1), (parent) => {
    const copy = { ...(parent as Record<string, unknown>) };
    delete copy[String(path[path.length - 1])];
    return copy;
  });
}

type SchemaDef = {
  type: string;
  in?: z.ZodType;
  out?: z.ZodType;
  innerType?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  valueType?: z.ZodType;
  options?: z.ZodType[];
};
const defOf = (schema: z.ZodType) => schema._zod.def as unknown as SchemaDef;

/** The schema a field at `path` must satisfy, looking through pipes and wrappers. */
function schemaAt(root: z.ZodType, path: Path): z.ZodType | undefined {
  let current: z.ZodType | undefined = root;
  for (const key of path) {
    while (current) {
      const def = defOf(current);
      // A pipe from `unknown` (a pre-check) describes its shape on the way out.
      const pipeSide = def.in && defOf(def.in).type === 'unknown' ? def.out : def.in;
      const inner = def.type === 'pipe' ? pipeSide : def.innerType;
      if (!inner) break;
      current = inner;
    }
    if (!current) return undefined;
    let def = defOf(current);
    // A discriminated union: the member that has this field (they share the rest).
    if (def.type === 'union') {
      const member = def.options?.find((option) => defOf(option).shape?.[String(key)] !== undefined);
      if (member) def = defOf(member);
    }
    current =
      def.type === 'object'
        ? def.shape?.[String(key)]
        : def.type === 'array'
          ? def.element
          : // A record's keys are all optional; its values follow valueType.
            def.type === 'record'
            ? def.valueType
            : undefined;
  }
  return current;
}

/** Every malformed variant of a channel's valid request that can be derived from its shape. */
function generatedMutations(channel: Channel, sample: unknown): Mutation[] {
  const schema = contract[channel].request as z.ZodType;
  const out: Mutation[] = NOT_AN_OBJECT.map(({ label, value }) => ({
    label: `payload is ${label}`,
    field: '(request)',
    build: value,
  }));
  out.push({ label: 'payload is an array holding the valid request', field: '(request)', build: (valid) => [valid] });

  const visit = (value: unknown, path: Path) => {
    const where = path.length > 0 ? fieldName(path) : 'the request';
    if (path.length > 0) {
      const here = schemaAt(schema, path);
      for (const wrong of WRONG_TYPES) {
        if (kindOf(wrong.value) === kindOf(value)) continue;
        // A value the schema accepts (null for a nullable field) is not malformed.
        if (here?.safeParse(wrong.value).success) continue;
        out.push({
          label: `${where} is ${wrong.label}`,
          field: fieldName(path),
          build: (valid) => edit(valid, path, () => structuredClone(wrong.value)),
        });
      }
      if (typeof value === 'string') {
        out.push({
          label: `${where} is a 5 MB string`,
          field: fieldName(path),
          build: (valid) => edit(valid, path, () => HUGE),
        });
      }
    }
    if (kindOf(value) === 'object') {
      const object = value as Record<string, unknown>;
      out.push({
        label: `${where} has an extra field`,
        field: fieldName([...path, 'unexpected']),
        build: (valid) => edit(valid, path, (current) => ({ ...(current as object), unexpected: 1 })),
      });
      for (const pollution of pollutionPayloads) {
        out.push({
          label: `${where} carries ${pollution.label}`,
          field: fieldName([...path, pollution.key]),
          // Object spread defines "__proto__" as an own key, exactly like JSON.parse does.
          build: (valid) => edit(valid, path, (current) => ({ ...(current as object), ...pollution.make() })),
        });
      }
      for (const key of Object.keys(object)) {
        const fieldSchema = schemaAt(schema, [...path, key]);
        const required = fieldSchema ? !fieldSchema.safeParse(undefined).success : true;
        if (required) {
          out.push({
            label: `${fieldName([...path, key])} is missing`,
            field: fieldName([...path, key]),
            build: (valid) => remove(valid, [...path, key]),
          });
          out.push({
            label: `${fieldName([...path, key])} is undefined`,
            field: fieldName([...path, key]),
            build: (valid) => edit(valid, [...path, key], () => undefined),
          });
        }
        visit(object[key], [...path, key]);
      }
    }
    if (Array.isArray(value) && value.length > 0) visit(value[0], [...path, 0]);
  };
  visit(sample, []);
  return out;
}

/** Values of the right type that are still wrong: ranges, formats, lengths. */
const semanticMutations: Partial<Record<Channel, Mutation[]>> = (() => {
  const set = (path: Path, value: unknown, label: string): Mutation => ({
    label,
    field: fieldName(path),
    build: (valid) => edit(valid, path, () => value),
  });
  const passphraseCases = (field: string) => [
    set([field], '', `${field} is empty`),
    set([field], 'p'.repeat(PASSPHRASE_REQUEST_LIMIT + 1), `${field} is over the request size guard`),
  ];
  const badIds = [
    set(['id'], '', 'id is empty'),
    set(['id'], 'not-a-uuid', 'id is not a UUID'),
    set(['id'], `${PLACEHOLDER_ID} `, 'id has a trailing space'),
    set(['id'], "' OR 1=1 --", 'id is SQL'),
  ];
  const clientCases = [
    set(['client', 'displayName'], '   ', 'client.displayName is only spaces'),
    set(['client', 'email'], 'no-at-sign', 'client.email has no @'),
    set(['client', 'dateOfBirth'], '2999-01-01', 'client.dateOfBirth is in the future'),
    set(['client', 'dateOfBirth'], '2023-02-30', 'client.dateOfBirth is impossible'),
    set(['client', 'phone'], 'call me', 'client.phone has letters'),
    set(['client', 'diagnosisCode'], 'depression', 'client.diagnosisCode is not ICD-10'),
    set(['client', 'presentingConcerns'], 'c'.repeat(20_001), 'client.presentingConcerns is over its limit'),
  ];
  const answer = (group: unknown, value: unknown) => ({ group, value });
  return {
    'vault:create': passphraseCases('passphrase'),
    'vault:unlock': passphraseCases('passphrase'),
    'vault:unlockWithRecoveryKey': [
      ...passphraseCases('newPassphrase'),
      set(['recoveryKey'], 'A'.repeat(201), 'recoveryKey is over 200 characters'),
    ],
    'vault:changePassphrase': [...passphraseCases('currentPassphrase'), ...passphraseCases('newPassphrase')],
    'vault:newRecoveryKey': passphraseCases('currentPassphrase'),
    'vault:reencrypt': passphraseCases('currentPassphrase'),
    'vault:confirmRecoveryKey': [
      set(['answers'], [answer(1, 'AAAA')], 'only one answer (at least two groups are asked)'),
      set(['answers'], [], 'no answers'),
      set(
        ['answers'],
        Array.from({ length: 15 }, (_, i) => answer((i % 14) + 1, 'AAAA')),
        '15 answers (there are 14 groups)',
      ),
      set(['answers', 0, 'group'], 0, 'group 0 (groups are 1-based)'),
      set(['answers', 0, 'group'], 15, 'group 15 (there are 14)'),
      set(['answers', 0, 'group'], 1.5, 'a fractional group'),
      set(['answers', 0, 'group'], Number.NaN, 'group NaN'),
      set(['answers', 0, 'value'], 'A'.repeat(21), 'an answer over 20 characters'),
    ],
    'settings:update': [
      set(['autoLockMinutes'], 0, 'autoLockMinutes 0'),
      set(['autoLockMinutes'], 61, 'autoLockMinutes 61 (over an hour)'),
      set(['autoLockMinutes'], -5, 'autoLockMinutes negative'),
      set(['autoLockMinutes'], 1.5, 'autoLockMinutes fractional'),
      set(['autoLockMinutes'], Number.NaN, 'autoLockMinutes NaN'),
      set(['autoLockMinutes'], Number.POSITIVE_INFINITY, 'autoLockMinutes Infinity'),
      set(['autoLockMinutes'], '5', 'autoLockMinutes as a numeric string'),
      // The page never names the backup folder (issue 13): a path, even an empty one, is refused.
      set(['backupFolder'], '/Volumes/Backup/Sessionkeep', 'a backup folder path'),
      set(['backupFolder'], '', 'an empty backup folder'),
    ],
    // Only a token from the system's folder dialog, or null; never a path.
    'settings:setBackupFolder': [
      set(['folder'], '/Volumes/Backup/Sessionkeep', 'a POSIX path'),
      set(['folder'], '../../backups', 'a relative path with ..'),
      set(['folder'], '\\\\server\\share\\backups', 'a UNC path'),
      set(['folder'], 'C:\\Backups', 'a Windows path'),
      set(['folder'], 'F'.repeat(42), 'a token one character short'),
      set(['create'], 'yes', 'create as a string'),
      set(['path'], '/Volumes/Backup', 'an extra path field'),
    ],
    'backup:list': [
      set(['folder'], '/Volumes/Backup/Sessionkeep', 'a folder path'),
      set(['folder'], '..', 'a relative path'),
    ],
    // A backup by its listed name only: no separator, no dot, no path beside it.
    'backup:summary': [
      set(['id'], '../vault', 'an id climbing out'),
      set(['id'], 'sessionkeep-backup-x/../../etc', 'an id with separators'),
      set(['id'], 'sessionkeep-backup-x\\..', 'an id with a backslash'),
      set(['id'], '.broken-sessionkeep-backup-2026-01-01T00-00-00Z', 'a broken backup'),
      set(['path'], '/Volumes/Backup/sessionkeep-backup-2026-01-01T00-00-00Z', 'a path beside the id'),
      set(['folder'], '/Volumes/Backup', 'a folder path'),
    ],
    'backup:restore': [
      set(['id'], '/Volumes/Backup/sessionkeep-backup-2026-01-01T00-00-00Z', 'a path as the id'),
      set(['folder'], '\\\\server\\share', 'a UNC folder'),
    ],
    'clients:list': [
      set(['includeArchived'], 'true', 'includeArchived as the string "true"'),
      set(['includeArchived'], 1, 'includeArchived as 1'),
    ],
    'clients:get': badIds,
    'clients:archive': badIds,
    'clients:restore': badIds,
    'clients:create': clientCases,
    'clients:update': [...badIds, ...clientCases],
    'intake:add': [
      set(['fields', 'name'], '   ', 'fields.name is only spaces'),
      set(['fields', 'stoppedOn'], '2026-01-01', 'fields.stoppedOn is before fields.startedOn'),
      set(['fields', 'startedOn'], '2026-02-30', 'fields.startedOn is impossible'),
      set(['fields', 'obtainedFrom'], 'a friend', 'fields.obtainedFrom is not one of the choices'),
      set(['fields', 'prescriberKnows'], 'maybe', 'fields.prescriberKnows is not yes/no/unknown'),
      set(['fields', 'kind'], 'vitamin', 'fields.kind is neither substance nor medication'),
    ],
    'intake:update': [...badIds, set(['fields', 'dose'], 'd'.repeat(121), 'fields.dose is over its limit')],
    'intake:setContext': [set(['context', 'bipolar'], 'yes', 'context.bipolar as a string')],
    'cautions:recordAction': [
      set(['action'], 'ignored', 'action is not one of the four'),
      {
        label: 'not relevant without a reason',
        field: 'reason',
        build: (valid) => ({ ...(valid as object), action: 'notRelevant', reason: '  ' }),
      },
      set(['severity'], 'fatal', 'severity is not serious/caution/info'),
    ],
    'audit:list': [
      set(['limit'], 0, 'limit 0'),
      set(['limit'], 201, 'limit over a page'),
      set(['limit'], 1.5, 'limit fractional'),
      set(['before'], 0, 'before 0 (ids start at 1)'),
      set(['before'], -1, 'before negative'),
    ],
    'audit:verify': [set(['again'], 'yes', 'again is not a flag')],
    'audit:recordPrint': [
      set(['kind'], 'everything', 'kind is neither notes nor sheets'),
      set(['count'], -1, 'count negative'),
      set(['count'], 2.5, 'count fractional'),
      set(['clientId'], 'not-a-uuid', 'clientId is not a UUID'),
    ],
    'measures:record': [
      set(['administration', 'answers'], [1, 1, 1, 1, 1, 1, 1, 1], 'a PHQ-9 with 8 answers'),
      set(['administration', 'answers'], [1, 1, 1, 1, 1, 1, 1, 1, 4], 'a PHQ-9 answer of 4'),
      set(['administration', 'answers'], [1, 1, 1, 1, 1.5, 1, 1, 1, 0], 'a PHQ-9 answer of 1.5'),
      set(['administration', 'answers'], [1, 1, 1, 1, -1, 1, 1, 1, 0], 'a negative PHQ-9 answer'),
      set(['administration', 'instrument'], 'dast10', 'an instrument Sessionkeep does not administer'),
      set(['administration', 'givenOn'], '2999-01-01', 'administration.givenOn is in the future'),
      set(['administration', 'givenOn'], '05/01/2026', 'administration.givenOn is not ISO'),
    ],
  };
})();

function mutationsFor(channel: Channel): Mutation[] {
  const sample = validRequests(PLACEHOLDER_ID)[channel];
  return [...generatedMutations(channel, sample), ...(semanticMutations[channel] ?? [])];
}

// ---------------------------------------------------------------------------------
// What "nothing changed" means: every row of every table, the header, the key file,
// the lock state and the throttle.

const snapshotVault = () => snapshotVaultOf(core, folder);

function expectUnpolluted(): void {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false);
  expect(Object.hasOwn(Object, 'polluted')).toBe(false);
}

function expectInvalidRequest(result: Envelope<unknown>, field: string): void {
  expect(envelopeSchema.safeParse(result).success, 'the answer is a well-formed envelope').toBe(true);
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.code).toBe('INVALID_REQUEST');
  expect(result.field).toBe(field);
  // The message names the problem; it never echoes a huge value back.
  expect(result.message.length).toBeLessThan(1_000);
}

// ---------------------------------------------------------------------------------

describe('the valid samples', () => {
  it.each([...channels])('%s: the sample passes its schema, so each mutation changes exactly one thing', (channel) => {
    const result = contract[channel].request.safeParse(validRequests(PLACEHOLDER_ID)[channel]);
    expect(result.success).toBe(true);
  });

  it('the __proto__ payloads carry an own "__proto__" key, not a changed prototype', () => {
    const merged = { passphrase: 'x', ...JSON.parse('{"__proto__":{"polluted":1}}') };
    expect(Object.hasOwn(merged, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
  });

  it('cover every channel (a new channel gets a sample, then all the cases below)', () => {
    expect(Object.keys(validRequests(PLACEHOLDER_ID)).sort()).toEqual([...channels].sort());
  });
});

describe.each([...channels])('%s refuses malformed requests', (channel) => {
  const mutations = mutationsFor(channel);

  it('has a meaningful number of cases', () => {
    expect(mutations.length).toBeGreaterThanOrEqual(NOT_AN_OBJECT.length + 4);
  });

  it.each(mutations)('$label → INVALID_REQUEST on $field, nothing changed', async (mutation) => {
    const valid = validRequests(fixture.clientIds[0] ?? PLACEHOLDER_ID)[channel];
    const payload = mutation.build(valid);
    const before = await snapshotVault();

    const result = await core.handle(channel, payload);

    expectInvalidRequest(result, mutation.field);
    expectUnpolluted();
    expect(await snapshotVault()).toEqual(before);
  });
});

describe('unknown channels', () => {
  it.each([
    { label: 'a made-up channel', channel: 'vault:destroy' },
    { label: 'a plausible but missing channel', channel: 'clients:delete' },
    { label: 'a known channel in upper case', channel: 'VAULT:STATUS' },
    { label: 'a known channel with a space', channel: ' vault:status' },
    { label: 'the empty string', channel: '' },
    { label: '__proto__', channel: '__proto__' },
    { label: 'constructor', channel: 'constructor' },
    { label: 'toString (an Object.prototype method)', channel: 'toString' },
    { label: 'hasOwnProperty', channel: 'hasOwnProperty' },
    { label: 'a 5 MB name', channel: HUGE },
    { label: 'a number', channel: 42 },
    { label: 'null', channel: null },
    { label: 'undefined', channel: undefined },
    { label: 'an object', channel: { toString: () => 'vault:status' } },
    { label: 'an array holding a channel', channel: ['vault:status'] },
  ])('$label → INVALID_REQUEST on (channel), nothing changed', async ({ channel }) => {
    const before = await snapshotVault();
    const result = await core.handle(channel, {});
    expectInvalidRequest(result, '(channel)');
    expectUnpolluted();
    expect(await snapshotVault()).toEqual(before);
  });
});

describe('the vault is still fine afterwards', () => {
  it('is unlocked, with both clients and the setting as they were', async () => {
    expect(core.vault.isUnlocked).toBe(true);
    const clients = expectOk<{ id: string }[]>(await core.handle('clients:list', { includeArchived: true }));
    expect(clients.map((client) => client.id).sort()).toEqual([...fixture.clientIds].sort());
    expect(expectOk(await core.handle('settings:get', {}))).toEqual({
      ...defaultSettings,
      autoLockMinutes: 15,
    });
  });
});
