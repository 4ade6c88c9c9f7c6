import { migration0001Initial } from './0001_initial';
import { migration0002Notes } from './0002_notes';
import { migration0003Homework } from './0003_homework';
import { migration0004IntakeMeasures } from './0004_intake_measures';
import { migration0005Audit } from './0005_audit';
import type { Migration } from './migration';

/** Every migration, in order. Append only. */
export const migrations: readonly Migration[] = [
  migration0001Initial,
  migration0002Notes,
  migration0003Homework,
  migration0004IntakeMeasures,
  migration0005Audit,
];

export const LATEST_SCHEMA_VERSION = migrations.length;
