import { ReactNode, useEffect, useId, useRef } from 'react';

interface DialogProps {
  title: ReactNode;
  /** Called on Escape and by the close button; the parent then unmounts the dialog. */
  onClose: () => void;
  children: ReactNode;
  /** Text under the title that describes the dialog (read out with it). */
  description?: ReactNode;
  size?: 'small' | 'large';
  /** Buttons at the bottom; a "Luk" button is added when left out. */
  actions?: ReactNode;
}

/**
 * A modal dialog on the native <dialog>: the page behind is inert, Escape closes it,
 * focus goes to the element marked data-autofocus (else the title) and back to where it
 * was when the dialog closes.
 */
export function Dialog({ title, onClose, children, description, size = 'large', actions }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    const target = dialog.querySelector<HTMLElement>('[data-autofocus]') ?? dialog.querySelector<HTMLElement>('.dialog__title');
    target?.focus();
    return () => {
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={`dialog dialog--${size}`}
      role="dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <header className="dialog__header">
        <h2 id={titleId} className="dialog__title" tabIndex={-1}>
          {title}
        </h2>
        <button type="button" className="dialog__close" aria-label="Luk dialogen" onClick={onClose}>
          <span aria-hidden="true">×</span>
        </button>
      </header>
      {description && (
        <p id={descriptionId} className="dialog__description">
          {description}
        </p>
      )}
      <div className="dialog__body">{children}</div>
      <footer className="dialog__actions">
        {actions ?? (
          <button type="button" onClick={onClose}>
            Luk
          </button>
        )}
      </footer>
    </dialog>
  );
}
