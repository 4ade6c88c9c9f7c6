import type { SessionInfo } from '../../../shared/ipc/contract';
import { SetAsideVaults } from './SetAsideVaults';

/**
 * Bring-back on the unlock screen (and beside a damaged or missing vault): a restore
 * that cannot be opened, or a restore regretted after locking, must be undoable without
 * first unlocking the vault it put in place. Renders nothing when no vault is set aside.
 */
export function SetAsideOnUnlock({ onUnlocked }: { onUnlocked: (session: SessionInfo) => void }) {
  return (
    <SetAsideVaults
      card
      onBroughtBack={onUnlocked}
      intro="A restore put another vault in place of these. Bring one back to open it again, with the passphrase it had."
    />
  );
}
