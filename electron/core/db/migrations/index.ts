import { migration0001Initial } from './0001_initial';
import { migration0002Notes } from './0002_notes';
import { migration0003Homework } from './0003_homework';
import { migration0004IntakeMeasures } from './0004_intake_measures';
import { migration0005Audit } from './0005_audit';
import { migration0006AuditChain } from './0006_audit_chain';
import { migration0007DamagedRecordRemovals } from './0007_damaged_record_removals';
import { migration0008HomeworkLearned } from './0008_homework_learned';
import { migration0009SafetyPlans } from './0009_safety_plans';
import type { Migration } from './migration';

/** Every migration, in order. Append only. */
export const migrations: readonly Migration[] = [
  migration0001Initial,
  migration0002Notes,
  migration0003Homework,
  migration0004IntakeMeasures,
  migration0005Audit,
  migration0006AuditChain,
  migration0007DamagedRecordRemovals,
  migration0008HomeworkLearned,
  migration0009SafetyPlans,
];

export const LATEST_SCHEMA_VERSION = migrations.length;
