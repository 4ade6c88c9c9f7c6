import { migration0001Initial } from './0001_initial';
import type { Migration } from './migration';

/** Every migration, in order. Append only. */
export const migrations: readonly Migration[] = [migration0001Initial];

export const LATEST_SCHEMA_VERSION = migrations.length;
