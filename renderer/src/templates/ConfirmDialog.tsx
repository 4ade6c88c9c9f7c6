import type { ReactNode } from 'react';
import { Modal } from '../notes/Modal';

export type Confirmation = {
  title: string;
  body: ReactNode;
  /** The button that goes ahead, e.g. "Remove section". */
  action: string;
  onConfirm: () => void;
};

/** Asks before something that cannot be undone; Escape and Cancel leave everything as it was. */
export function ConfirmDialog({ confirmation, onClose }: { confirmation: Confirmation; onClose: () => void }) {
  return (
    <Modal title={confirmation.title} onClose={onClose}>
      <div className="confirm-text">{confirmation.body}</div>
      <div className="actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="danger"
          onClick={() => {
            onClose();
            confirmation.onConfirm();
          }}
        >
          {confirmation.action}
        </button>
      </div>
    </Modal>
  );
}
