import type { VaultDb } from '../database';

export type Migration = {
  /** 1, 2, 3…: equals the `user_version` the vault has once this step has run. */
  version: number;
  name: string;
  up(db: VaultDb): void;
};
