import { useEffect, useId, useRef, type ReactNode } from 'react';

interface SettingsDialogProps {
  isOpen: boolean;
  onClose: () => void;
  /** The form (`SettingsForm`), rendered only while the dialog is open. */
  children: ReactNode;
}

/**
 * The modal `<dialog>` that holds the Settings form. It is separate from the form so it can open
 * at once while the form's code is still downloading.
 */
export function SettingsDialog({ isOpen, onClose, children }: SettingsDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog === null) return;
    if (isOpen && !dialog.open) dialog.showModal();
    if (!isOpen && dialog.open) dialog.close();
  }, [isOpen]);

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={titleId}
      onClose={onClose}
      className="m-auto max-h-[calc(100dvh-2rem)] w-[min(34rem,calc(100vw-2rem))] rounded-2xl border border-zinc-200 bg-white p-0 text-zinc-900 shadow-2xl backdrop:bg-zinc-950/50 dark:border-zinc-800 dark:bg-zinc-950 dark:text-zinc-100"
    >
      {isOpen && (
        <div className="flex flex-col gap-4 p-5">
          <h2 id={titleId} className="text-lg font-semibold">
            Settings
          </h2>
          {children}
        </div>
      )}
    </dialog>
  );
}
