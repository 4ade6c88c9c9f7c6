import { z } from 'zod';
import { backupInfoSchema, backupStatusSchema, backupSummarySchema } from '../backup';
import { clientIdSchema, clientInputSchema, clientSchema } from '../clients/client';
import { errorCodes } from '../errors';
import { assignmentInputSchema, assignmentSchema, reviewInputSchema } from '../homework/assignment';
import { cautionActionInputSchema, cautionActionSchema } from '../intake/cautionAction';
import { intakeContextSchema, intakeEntryIdSchema, intakeEntrySchema, intakeFieldsSchema } from '../intake/entry';
import { administrationInputSchema, administrationSchema } from '../measures/administration';
import {
  addendumSchema,
  noteChangesSchema,
  noteIdSchema,
  noteSchema,
  noteSummarySchema,
  revisionSummarySchema,
  richTextDocSchema,
  searchHitSchema,
} from '../notes/note';
import { RISK_REASON_MAX } from '../notes/riskAtSigning';
import { riskSummarySchema } from '../notes/riskSummary';
import {
  safetyPlanIdSchema,
  safetyPlanSaveSchema,
  safetyPlanVersionRefSchema,
  safetyPlanVersionSchema,
} from '../safetyPlan/plan';
import { isAbsoluteFolderPath, settingsSchema, settingsUpdateSchema } from '../settings';
import { templateSchema } from '../templates/schema';
import { worksheetSchema } from '../worksheets/schema';
import type { Channel, SessionEvent } from './channels';
import type { Envelope } from './envelope';
import type { ShellApi } from './shellChannels';

/**
 * The IPC contract: for every channel, the schema its request must pass at the
 * boundary and the schema of the value it answers with. Main's handler table, the
 * preload, the web harness and the renderer's client are all typed from this one
 * object, so a channel without a handler fails the type-check.
 */

// Passphrases have no maximum length by policy; this is only the request's size guard,
// far beyond anything typed (a 64 KiB passphrase costs scrypt nothing extra).
export const PASSPHRASE_REQUEST_LIMIT = 65_536;
const passphrase = z
  .string({ error: 'The passphrase must be text.' })
  .min(1, 'Enter a passphrase.')
  .max(PASSPHRASE_REQUEST_LIMIT, 'The passphrase is longer than Sessionkeep accepts in one request.');
const none = z.strictObject({});

const vaultStateSchema = z.enum(['none', 'locked', 'unlocked']);

const distortionSchema = z.strictObject({
  id: z.string(),
  label: z.string(),
  description: z.string(),
  builtIn: z.boolean(),
});
export type DistortionEntry = z.infer<typeof distortionSchema>;

export const vaultStatusSchema = z.strictObject({
  state: vaultStateSchema,
  /** Where the vault lives, to show the therapist. */
  folder: z.string(),
  /** A problem that stops a normal passphrase unlock, e.g. KEY_FILE_MISSING. */
  problem: z.enum(errorCodes).nullable(),
  /** Seconds before another unlock attempt is accepted. */
  unlockDelaySeconds: z.number(),
  recoveryKeyConfirmed: z.boolean(),
});
export type VaultStatus = z.infer<typeof vaultStatusSchema>;

const sessionSchema = z.strictObject({
  recoveryKeyConfirmed: z.boolean(),
  settings: settingsSchema,
});
export type SessionInfo = z.infer<typeof sessionSchema>;

export const intakeReviewSchema = z.strictObject({ noteId: noteIdSchema, at: z.string() });
export type IntakeReview = z.infer<typeof intakeReviewSchema>;

/** Everything the intake view needs about one client, in one read. */
const clientIntakeSchema = z.strictObject({
  entries: z.array(intakeEntrySchema),
  context: intakeContextSchema,
  actions: z.array(cautionActionSchema),
  reviews: z.array(intakeReviewSchema),
});
export type ClientIntake = z.infer<typeof clientIntakeSchema>;

/**
 * The activity log (issue "audit log"). An entry names an action and the entity it
 * touched (type and id) with non-clinical detail only: a lock reason, the names of the
 * settings saved, a count. Never note text, client names or passphrases.
 */
export const auditActions = [
  'vault.created',
  'unlock',
  'unlock.failed',
  'lock',
  'passphrase.changed',
  'recoveryKey.shown',
  'recoveryKey.confirmed',
  'recoveryKey.renewed',
  'vault.reencrypted',
  'settings.changed',
  'client.created',
  'client.edited',
  'client.archived',
  'client.restored',
  'client.defaultTemplateSet',
  'note.created',
  'note.signed',
  'note.addendum',
  'note.revisionRestored',
  'template.saved',
  'template.deleted',
  'distortion.added',
  'worksheet.saved',
  'homework.assigned',
  'homework.reviewed',
  'intake.added',
  'intake.edited',
  'intake.contextSet',
  'intake.reviewed',
  'caution.actionRecorded',
  'measure.recorded',
  'safetyPlan.saved',
  'print.notes',
  'print.sheets',
  'audit.exported',
  // Reserved for the backup, restore and export features (recorded with recordAudit).
  'backup.made',
  'backup.failed',
  'restore',
  'export',
  'import',
  // Data health: a damaged record's raw row exported, or removed with a signed reason.
  'record.exported',
  'record.removed',
] as const;
export type AuditAction = (typeof auditActions)[number];

export const auditEntityTypes = [
  'vault',
  'settings',
  'client',
  'note',
  'template',
  'distortion',
  'worksheet',
  'assignment',
  'intakeEntry',
  'cautionAction',
  'measure',
  'safetyPlan',
  'backup',
  /** A damaged record under Data health: the id is the removal's number, never the row's own text. */
  'record',
] as const;
export type AuditEntityType = (typeof auditEntityTypes)[number];

/** Detail values are short tokens, numbers and flags: nothing free-text can fit. */
const auditToken = z.string().max(64);
export const auditDetailSchema = z.record(
  z.string().max(40),
  z.union([auditToken, z.number(), z.boolean(), z.array(auditToken).max(20)]),
);
export type AuditDetail = z.infer<typeof auditDetailSchema>;

export const auditEntrySchema = z.strictObject({
  id: z.number().int(),
  at: z.string(),
  action: z.enum(auditActions),
  entityType: z.enum(auditEntityTypes).nullable(),
  entityId: z.string().nullable(),
  detail: auditDetailSchema,
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
/** A row the app cannot read (detail that does not parse, an unknown action): shown as damaged, never hidden. */
export const damagedAuditEntrySchema = z.strictObject({
  id: z.number().int(),
  at: z.string().max(64),
  damaged: z.literal(true),
  /** What the row says it is, cut short. */
  action: z.string().max(64),
  problem: z.string().max(200),
});
export type DamagedAuditEntry = z.infer<typeof damagedAuditEntrySchema>;
export const AUDIT_PAGE_LIMIT = 200;
/** The hash chain's state (electron/core/audit/auditChain.ts), checked at unlock or on request. */
export const auditChainSchema = z.strictObject({
  intact: z.boolean(),
  entries: z.number().int(),
  checkedAt: z.string(),
  millis: z.number(),
  firstBad: z
    .strictObject({
      id: z.number().int(),
      previousId: z.number().int().nullable(),
      problem: z.enum(['edited', 'broken-link', 'unsealed', 'end-missing', 'end-changed']),
    })
    .nullable(),
  message: z.string(),
});
export type AuditChainState = z.infer<typeof auditChainSchema>;

const backupFolderPath = z
  .string()
  .trim()
  .min(1, 'Give the folder.')
  .max(1000)
  .refine(isAbsoluteFolderPath, 'Give the folder as a full path.');
const backupSecret = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('passphrase'), passphrase }),
  z.strictObject({ kind: z.literal('recoveryKey'), recoveryKey: z.string().min(1).max(200) }),
]);

/**
 * A file the user chose in the system's dialog (or the browser's chooser), as the opaque
 * token the adapter got for it (issue 13): the page never names a path to write or read.
 */
export const CHOSEN_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const chosenToken = z.string().regex(CHOSEN_TOKEN_PATTERN, 'Choose the file again.');
/** A backup's own name in its folder, as backup:list gave it: no separator, no dot. */
export const BACKUP_ID_PATTERN = /^sessionkeep-backup-[0-9A-Za-z-]{1,80}$/;
/**
 * A backup to open or restore (issue 13): its name as listed, in the folder chosen to
 * restore from (`folder`, the token backup:list took) or else the backup folder in
 * Settings (the one remembered next to the vault when locked). Never a path.
 */
const backupRef = {
  id: z.string().regex(BACKUP_ID_PATTERN, 'Choose the backup again.'),
  folder: chosenToken.optional(),
};
const tableCountsSchema = z.strictObject({
  inArchive: z.number(),
  toAdd: z.number(),
  identical: z.number(),
  conflicts: z.number(),
});
const importReportSchema = z.strictObject({
  exportedAt: z.string(),
  formatVersion: z.number(),
  schemaVersion: z.number(),
  tables: z.record(z.string(), tableCountsSchema),
  /** `record` names the record as a therapist would; table and id are for the activity log only. */
  conflicts: z.array(z.strictObject({ table: z.string(), id: z.string(), record: z.string() })),
  totals: tableCountsSchema,
  /** Each setting the file would change; only ticked ones are taken, protection ones never. */
  settings: z.array(
    z.strictObject({
      key: z.string(),
      label: z.string(),
      current: z.string(),
      incoming: z.string(),
      notTaken: z.string().nullable(),
      taken: z.boolean(),
    }),
  ),
  /** Entries in the file's activity log: never imported. */
  activityLogRows: z.number(),
});
export type ImportReportView = z.infer<typeof importReportSchema>;

/** Tables Data health scans; a damaged record is named by its table and rowid. */
export const healthTables = [
  'settings',
  'clients',
  'notes',
  'note_revisions',
  'addenda',
  'custom_templates',
  'custom_distortions',
  'custom_worksheets',
  'assignments',
  'assignment_events',
  'intake_entries',
  'intake_events',
  'intake_context',
  'intake_reviews',
  'caution_actions',
  'measure_administrations',
  'safety_plans',
] as const;
export type HealthTable = (typeof healthTables)[number];
const healthRecordRef = {
  table: z.enum(healthTables),
  rowid: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
};
export const damagedRecordSchema = z.strictObject({
  ...healthRecordRef,
  /** Its key or id, cut short (it may be the damaged part). */
  label: z.string().max(60),
  /** What is wrong, for the therapist. */
  problem: z.string().max(500),
  /** Clinical history: never removed, only flagged and exportable. */
  clinical: z.boolean(),
  removable: z.boolean(),
});
export type DamagedRecord = z.infer<typeof damagedRecordSchema>;

export const contract = {
  'vault:status': { request: none, response: vaultStatusSchema },
  'vault:create': {
    request: z.strictObject({ passphrase }),
    response: z.strictObject({ recoveryKey: z.string() }),
  },
  'vault:unlock': { request: z.strictObject({ passphrase }), response: sessionSchema },
  'vault:unlockWithRecoveryKey': {
    request: z.strictObject({ recoveryKey: z.string().max(200), newPassphrase: passphrase }),
    response: sessionSchema,
  },
  'vault:lock': { request: none, response: z.null() },
  'vault:changePassphrase': {
    request: z.strictObject({ currentPassphrase: passphrase, newPassphrase: passphrase }),
    response: z.null(),
  },
  'vault:recoveryKey': { request: none, response: z.strictObject({ recoveryKey: z.string() }) },
  'vault:confirmRecoveryKey': {
    request: z.strictObject({
      answers: z
        .array(z.strictObject({ group: z.number().int().min(1).max(14), value: z.string().max(20) }))
        .min(2)
        .max(14),
    }),
    response: z.strictObject({ confirmed: z.boolean() }),
  },
  /** Whether the recovery key is its own wrap (replaceable alone) or, in older vaults, the data key. */
  'vault:security': {
    request: none,
    response: z.strictObject({ recoveryKeyKind: z.enum(['wrapped', 'dataKey']) }),
  },
  'vault:newRecoveryKey': {
    request: z.strictObject({ currentPassphrase: passphrase }),
    response: z.strictObject({ recoveryKey: z.string(), reencrypted: z.boolean() }),
  },
  'vault:reencrypt': {
    request: z.strictObject({ currentPassphrase: passphrase }),
    response: z.strictObject({ recoveryKey: z.string() }),
  },
  'session:touch': { request: none, response: z.null() },
  /** The window's answer to a save-request: whether everything typed is stored. */
  'session:saved': {
    request: z.strictObject({ id: z.uuid(), complete: z.boolean() }),
    response: z.strictObject({ expected: z.boolean() }),
  },
  'settings:get': { request: none, response: settingsSchema },
  /** Every setting but the backup folder, which the page never names (settings:setBackupFolder). */
  'settings:update': { request: settingsUpdateSchema, response: settingsSchema },
  /**
   * Where backups go (issue 13): `folder` is the token of a folder chosen with
   * files:chooseBackupFolder (purpose 'backups'), or null for no automatic backups. A
   * chosen folder that does not exist is refused (BACKUP_FOLDER_MISSING) unless the
   * therapist agreed to create it (`create`), so an unplugged drive never gets a folder
   * on its mount point by accident.
   */
  'settings:setBackupFolder': {
    request: z.strictObject({ folder: chosenToken.nullable(), create: z.boolean().optional() }),
    response: settingsSchema,
  },
  'clients:list': {
    request: z.strictObject({ includeArchived: z.boolean() }),
    response: z.array(clientSchema),
  },
  'clients:get': { request: z.strictObject({ id: clientIdSchema }), response: clientSchema },
  /** The risk flag at the top of the client page (shared/notes/riskSummary.ts). */
  'clients:riskSummary': { request: z.strictObject({ clientId: clientIdSchema }), response: riskSummarySchema },
  'clients:create': { request: z.strictObject({ client: clientInputSchema }), response: clientSchema },
  'clients:update': {
    request: z.strictObject({ id: clientIdSchema, client: clientInputSchema }),
    response: clientSchema,
  },
  'clients:archive': { request: z.strictObject({ id: clientIdSchema }), response: clientSchema },
  'clients:restore': { request: z.strictObject({ id: clientIdSchema }), response: clientSchema },
  'templates:list': { request: none, response: z.array(templateSchema) },
  'notes:listForClient': {
    request: z.strictObject({ clientId: clientIdSchema }),
    response: z.array(noteSummarySchema),
  },
  'notes:create': {
    request: z.strictObject({
      clientId: clientIdSchema,
      templateId: z.string().min(1).max(64),
      /** Copy these sections' values from the client's last note ("start from previous note"). */
      carryForward: z.array(z.string().min(1).max(64)).max(40).optional(),
    }),
    response: noteSchema,
  },
  'notes:get': { request: z.strictObject({ id: noteIdSchema }), response: noteSchema },
  'notes:saveDraft': {
    request: z.strictObject({ id: noteIdSchema, changes: noteChangesSchema }),
    response: z.strictObject({ savedAt: z.string(), updatedAt: z.string() }),
  },
  'notes:sign': {
    request: z.strictObject({
      id: noteIdSchema,
      /** Only past the soft stop (shared/notes/riskAtSigning.ts): why the note is signed with Risk empty. */
      reason: z
        .string({ error: 'The reason must be text.' })
        .max(RISK_REASON_MAX, `Keep the reason under ${RISK_REASON_MAX} characters.`)
        .optional(),
    }),
    response: noteSchema,
  },
  'notes:addAddendum': {
    request: z.strictObject({ id: noteIdSchema, text: richTextDocSchema }),
    response: addendumSchema,
  },
  'notes:revisions': { request: z.strictObject({ id: noteIdSchema }), response: z.array(revisionSummarySchema) },
  'notes:revision': {
    request: z.strictObject({ id: noteIdSchema, revisionId: z.number().int().min(1) }),
    response: z.strictObject({
      id: z.number().int(),
      createdAt: z.string(),
      values: z.record(z.string(), z.unknown()),
    }),
  },
  'notes:restoreRevision': {
    request: z.strictObject({ id: noteIdSchema, revisionId: z.number().int().min(1) }),
    response: noteSchema,
  },
  'notes:overdueDrafts': { request: none, response: z.array(noteSummarySchema.extend({ clientName: z.string() })) },
  'search:query': {
    request: z.strictObject({
      query: z.string().max(500),
      clientId: clientIdSchema.optional(),
      from: z.iso.date().optional(),
      to: z.iso.date().optional(),
    }),
    response: z.strictObject({ hits: z.array(searchHitSchema), ranked: z.boolean() }),
  },
  'templates:save': { request: z.strictObject({ template: templateSchema }), response: templateSchema },
  'templates:delete': { request: z.strictObject({ id: z.string().min(1).max(64) }), response: z.null() },
  'distortions:list': { request: none, response: z.array(distortionSchema) },
  'distortions:add': {
    request: z.strictObject({
      label: z.string().trim().min(1, 'Give the distortion a name.').max(60, 'Keep the name under 60 characters.'),
    }),
    response: distortionSchema,
  },
  'clients:setDefaultTemplate': {
    request: z.strictObject({ id: clientIdSchema, templateId: z.string().min(1).max(64).nullable() }),
    response: clientSchema,
  },
  'worksheets:list': { request: none, response: z.array(worksheetSchema) },
  /** A custom worksheet (a duplicate of one in the library, edited). */
  'worksheets:save': { request: z.strictObject({ worksheet: worksheetSchema }), response: worksheetSchema },
  'homework:assign': { request: z.strictObject({ assignment: assignmentInputSchema }), response: assignmentSchema },
  'homework:listForClient': {
    request: z.strictObject({ clientId: clientIdSchema }),
    response: z.array(assignmentSchema),
  },
  'homework:review': { request: reviewInputSchema, response: assignmentSchema },
  'intake:listForClient': { request: z.strictObject({ clientId: clientIdSchema }), response: clientIntakeSchema },
  'intake:add': {
    request: z.strictObject({ clientId: clientIdSchema, noteId: noteIdSchema.nullable(), fields: intakeFieldsSchema }),
    response: intakeEntrySchema,
  },
  /** A changed entry (its kind cannot change); stopping is a change with a stop date. */
  'intake:update': {
    request: z.strictObject({ id: intakeEntryIdSchema, noteId: noteIdSchema.nullable(), fields: intakeFieldsSchema }),
    response: intakeEntrySchema,
  },
  'intake:setContext': {
    request: z.strictObject({ clientId: clientIdSchema, context: intakeContextSchema }),
    response: intakeContextSchema,
  },
  /** "Reviewed the list with the client" in this note, even when nothing changed. */
  'intake:markReviewed': {
    request: z.strictObject({ clientId: clientIdSchema, noteId: noteIdSchema }),
    response: intakeReviewSchema,
  },
  'cautions:recordAction': { request: cautionActionInputSchema, response: cautionActionSchema },
  'measures:record': {
    request: z.strictObject({ administration: administrationInputSchema }),
    response: administrationSchema,
  },
  'backup:status': { request: none, response: backupStatusSchema },
  /** Makes a verified backup now; progress comes as 'backup' session events. */
  'backup:now': { request: none, response: backupInfoSchema },
  /** Stops the running backup (Back up now or the schedule); its partial folder is removed. */
  'backup:cancel': { request: none, response: z.strictObject({ cancelled: z.boolean() }) },
  /**
   * The backups in a folder: the one in Settings (or the one remembered next to the vault
   * when locked), or `folder`, the token of one chosen with files:chooseBackupFolder
   * (purpose 'restore').
   */
  'backup:list': {
    request: z.strictObject({ folder: chosenToken.optional() }),
    response: z.array(backupInfoSchema),
  },
  /** What a backup holds, read with its own key file: works while locked. */
  'backup:summary': {
    request: z.strictObject({ ...backupRef, secret: backupSecret }),
    response: z.strictObject({ backup: backupInfoSchema, summary: backupSummarySchema }),
  },
  /**
   * Restores a backup: the current vault is set aside (never overwritten), the backup
   * takes its place, and it is unlocked with the given passphrase or recovery key (a
   * recovery key sets a new passphrase, as at the unlock screen).
   */
  'backup:restore': {
    request: z.strictObject({
      ...backupRef,
      secret: backupSecret,
      newPassphrase: passphrase.optional(),
    }),
    response: z.strictObject({ session: sessionSchema, setAsidePath: z.string().nullable() }),
  },
  /** Vaults a restore set aside (inside the vault folder), newest first. */
  'backup:setAside': {
    request: none,
    response: z.array(z.strictObject({ path: z.string(), name: z.string(), setAsideAt: z.string() })),
  },
  /**
   * Brings a set-aside vault back (the one in place is set aside in turn) and unlocks it
   * with its passphrase, checked before anything moves.
   */
  'backup:bringBack': {
    request: z.strictObject({ path: backupFolderPath, passphrase }),
    response: z.strictObject({ session: sessionSchema, setAsidePath: z.string().nullable() }),
  },
  /** The whole vault as an open archive (zip of JSON; sealed with a passphrase when given). */
  'export:vault': {
    /** `target`: the token of a place chosen with files:chooseExportTarget (single use). */
    request: z.strictObject({ target: chosenToken, passphrase: passphrase.optional() }),
    response: z.strictObject({
      /** The file's name alone, never its folder. */
      displayName: z.string(),
      bytes: z.number(),
      encrypted: z.boolean(),
      counts: z.record(z.string(), z.number()),
    }),
  },
  /** Stops an export or import under way; nothing half-written is left. */
  'export:cancel': { request: none, response: z.strictObject({ cancelled: z.boolean() }) },
  /** A dry run: what an import would add, what is already there, and what conflicts. */
  'import:plan': {
    /**
     * `source`: the token of a file chosen with files:chooseImportSource. The same token
     * serves the dry run (again, e.g. with another passphrase) and then import:apply; a
     * successful import:apply ends it.
     */
    request: z.strictObject({ source: chosenToken, passphrase: passphrase.optional() }),
    response: importReportSchema,
  },
  'import:apply': {
    request: z.strictObject({
      source: chosenToken,
      passphrase: passphrase.optional(),
      /** The settings the therapist ticked in the dry run's list (by key). */
      settings: z
        .array(z.enum(Object.keys(settingsSchema.shape) as [string, ...string[]]))
        .max(20)
        .default([]),
    }),
    response: importReportSchema,
  },
  /** The client's latest safety plan in full, and every version (newest first). */
  'safetyPlan:get': {
    request: z.strictObject({ clientId: clientIdSchema }),
    response: z.strictObject({
      latest: safetyPlanVersionSchema.nullable(),
      versions: z.array(safetyPlanVersionRefSchema),
    }),
  },
  /** Saves the plan as a new dated version (from a draft note of the same client, when given). */
  'safetyPlan:save': { request: safetyPlanSaveSchema, response: safetyPlanVersionSchema },
  /** One earlier version, in full. */
  'safetyPlan:version': {
    request: z.strictObject({ clientId: clientIdSchema, id: safetyPlanIdSchema }),
    response: safetyPlanVersionSchema,
  },
  'measures:listForClient': {
    request: z.strictObject({ clientId: clientIdSchema }),
    response: z.array(administrationSchema),
  },
  /** Newest first; `before` is the id of the oldest entry already shown. */
  'audit:list': {
    request: z.strictObject({
      before: z.number().int().min(1).optional(),
      limit: z.number().int().min(1).max(AUDIT_PAGE_LIMIT),
    }),
    response: z.strictObject({
      entries: z.array(z.union([auditEntrySchema, damagedAuditEntrySchema])),
      nextBefore: z.number().int().nullable(),
    }),
  },
  /** Whether the log's hash chain holds: the check made at unlock, or a fresh one (`again`). */
  'audit:verify': {
    request: z.strictObject({ again: z.boolean() }),
    response: auditChainSchema,
  },
  'audit:export': { request: none, response: z.strictObject({ csv: z.string(), count: z.number().int() }) },
  /** Data health: every row the app cannot read, with what is wrong and how long the scan took. */
  'health:scan': {
    /** Only these tables (the client list asks about clients alone); all when left out. */
    request: z.strictObject({
      tables: z.array(z.enum(healthTables)).min(1).max(healthTables.length).optional(),
      /** One client's records only (a tab's "could not be read" count): client record tables alone. */
      clientId: clientIdSchema.optional(),
    }),
    response: z.strictObject({
      records: z.array(damagedRecordSchema),
      scannedRows: z.number().int(),
      tookMs: z.number(),
    }),
  },
  /** A damaged record's raw row as JSON text, to keep or hand to support. */
  'health:exportRaw': {
    request: z.strictObject(healthRecordRef),
    response: z.strictObject({ json: z.string(), sha256: z.string() }),
  },
  /** Removes a damaged record that is not clinical history, with the therapist's reason (signed with their name). */
  'health:remove': {
    request: z.strictObject({
      ...healthRecordRef,
      reason: z
        .string()
        .trim()
        .min(1, 'Say why this record is removed: it is kept with your name.')
        .max(1000, 'Keep the reason under 1,000 characters.'),
    }),
    response: z.strictObject({ removalId: z.number().int(), sha256: z.string() }),
  },
  /**
   * A printout, recorded by the shell once the system's dialog says it printed (or the
   * PDF was written), or by the web preview once the browser's print dialog has closed.
   */
  'audit:recordPrint': {
    request: z.strictObject({
      kind: z.enum(['notes', 'sheets']),
      /** null for a blank worksheet printed for no one in particular. */
      clientId: clientIdSchema.nullable(),
      count: z.number().int().min(0).max(10_000),
      /**
       * Absent for a print the system confirmed. 'pdf': saved as a PDF file. 'browser': the
       * browser's print dialog was closed, which may have printed or been cancelled (issue 13).
       */
      via: z.enum(['pdf', 'browser']).optional(),
    }),
    response: z.null(),
  },
} satisfies Record<Channel, { request: z.ZodType; response: z.ZodType }>;

export type Contract = typeof contract;
/** What a caller sends (before validation and defaults). */
export type RequestOf<C extends Channel> = z.input<Contract[C]['request']>;
/** What a handler receives (after validation). */
export type ValidRequestOf<C extends Channel> = z.output<Contract[C]['request']>;
export type ResponseOf<C extends Channel> = z.infer<Contract[C]['response']>;

/**
 * What the preload (Electron) and the harness bridge (browser) expose to the renderer
 * as `window.sessionkeep`: exactly one function per channel, plus the session events.
 */
export type SessionkeepApi = {
  [C in Channel]: (request: RequestOf<C>) => Promise<Envelope<ResponseOf<C>>>;
} & ShellApi & {
    onSessionEvent(listener: (event: SessionEvent) => void): () => void;
  };

/** The error codes a Failure may carry, as a schema, for checking envelopes. */
export const envelopeSchema = z.union([
  z.strictObject({ ok: z.literal(true), value: z.unknown() }),
  z.strictObject({
    ok: z.literal(false),
    code: z.enum(errorCodes),
    message: z.string(),
    field: z.string().optional(),
    retryAfterSeconds: z.number().optional(),
  }),
]);
