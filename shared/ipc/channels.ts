/**
 * The channel names alone, with no schemas, so the sandboxed preload can bundle
 * them without pulling in the validation library.
 */
export const channels = [
  'vault:status',
  'vault:create',
  'vault:unlock',
  'vault:unlockWithRecoveryKey',
  'vault:lock',
  'vault:changePassphrase',
  'vault:recoveryKey',
  'vault:confirmRecoveryKey',
  'vault:security',
  'vault:newRecoveryKey',
  'vault:reencrypt',
  'session:touch',
  'session:saved',
  'settings:get',
  'settings:update',
  'settings:setBackupFolder',
  'clients:list',
  'clients:get',
  'clients:create',
  'clients:update',
  'clients:archive',
  'clients:restore',
  'clients:riskSummary',
  'templates:list',
  'notes:listForClient',
  'notes:create',
  'notes:get',
  'notes:saveDraft',
  'notes:sign',
  'notes:addAddendum',
  'notes:revisions',
  'notes:revision',
  'notes:restoreRevision',
  'notes:overdueDrafts',
  'search:query',
  'templates:save',
  'templates:delete',
  'distortions:list',
  'distortions:add',
  'clients:setDefaultTemplate',
  'worksheets:list',
  'worksheets:save',
  'homework:assign',
  'homework:listForClient',
  'homework:review',
  'intake:listForClient',
  'intake:add',
  'intake:update',
  'intake:setContext',
  'intake:markReviewed',
  'cautions:recordAction',
  'measures:record',
  'measures:listForClient',
  'safetyPlan:get',
  'safetyPlan:save',
  'safetyPlan:version',
  'backup:status',
  'backup:now',
  'backup:cancel',
  'backup:list',
  'backup:summary',
  'backup:restore',
  'backup:setAside',
  'backup:bringBack',
  'export:vault',
  'export:cancel',
  'import:plan',
  'import:apply',
  'audit:list',
  'audit:verify',
  'audit:export',
  'audit:recordPrint',
  'health:scan',
  'health:exportRaw',
  'health:remove',
] as const;

export type Channel = (typeof channels)[number];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && (channels as readonly string[]).includes(name);
}

/** The one event stream from core to renderer. */
export const SESSION_EVENT_CHANNEL = 'session:event';

/** 'restore': locked to swap in a backup, unlocked again right after. */
export type LockReason = 'manual' | 'idle' | 'system' | 'restore';
export type SessionEvent =
  /** `notice`: what the unlock screen should say, e.g. why a restore that was swapped in did not open. */
  | { type: 'locked'; reason: LockReason; notice?: string }
  | { type: 'unlocked' }
  /**
   * The shell is about to lock or quit: save every open editor now, then answer on
   * `session:saved` with this id (issue 13). The lock waits for the answer, bounded.
   */
  | { type: 'save-request'; id: string; reason: 'lock' | 'quit' | 'reload' }
  /** A backup in progress (from "Back up now" or the schedule): 0…1 by stage. */
  | {
      type: 'backup';
      fraction: number;
      stage: 'copying' | 'key-file' | 'verifying' | 'done' | 'failed' | 'cancelled';
    }
  /** A whole-vault export or import in progress, 0…1. */
  | { type: 'transfer'; kind: 'export' | 'import'; fraction: number };

/**
 * Channels the ADAPTERS answer themselves, not the core: choosing where an export is saved
 * and which file is imported, in the system's dialogs, and printing or saving a PDF of a
 * print view (issue 13). Schemas: shellChannels.ts.
 */
export const shellChannels = [
  'files:chooseExportTarget',
  'files:chooseImportSource',
  'print:capabilities',
  'print:print',
  'print:saveAsPdf',
  'files:chooseBackupFolder',
] as const;
export type ShellChannel = (typeof shellChannels)[number];
