import { type ReactNode, useEffect, useRef } from 'react';

type Props = {
  title: string;
  onClose: () => void;
  /** Wider, for reading an old version of a note. */
  wide?: boolean;
  children: ReactNode;
};

/**
 * A modal <dialog>: showModal() makes the rest of the page inert (focus stays inside),
 * Escape closes it, and focus returns to whatever opened it.
 */
export function Modal({ title, onClose, wide, children }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const latestClose = useRef(onClose);
  latestClose.current = onClose;
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    const onCancel = (event: Event) => {
      // Escape: close through React, so the state that opened the dialog follows.
      event.preventDefault();
      latestClose.current();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      if (dialog.open) dialog.close();
      opener?.focus();
    };
  }, []);
  return (
    <dialog ref={ref} className={wide ? 'modal wide' : 'modal'} aria-labelledby="modal-title">
      <header className="modal-header">
        <h2 id="modal-title">{title}</h2>
        <button type="button" className="quiet close" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>
      <div className="modal-body">{children}</div>
    </dialog>
  );
}
