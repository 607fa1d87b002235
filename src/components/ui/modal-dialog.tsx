import { useEffect, useId, useRef, type ReactNode } from 'react';

/** Widths a modal comes in. */
const WIDTHS = {
  md: 'w-[min(34rem,calc(100vw-2rem))]',
  lg: 'w-[min(36rem,calc(100vw-2rem))]',
} as const;

interface ModalDialogProps {
  isOpen: boolean;
  /** The heading, which also names the dialog for assistive technology. */
  title: ReactNode;
  /** Called when the dialog closes itself (Escape, or a form with `method="dialog"`). */
  onClose: () => void;
  /** `md` is 34rem wide, `lg` 36rem, both at most the viewport less 2rem. */
  width?: keyof typeof WIDTHS;
  /** The content, rendered only while the dialog is open. */
  children: ReactNode;
}

/**
 * A modal `<dialog>` with a heading, opened with `showModal()` (focus trapped, Escape closes,
 * the page behind inert) while `isOpen` is true. Its content mounts only while it is open, so the
 * dialog can open at once while the content's code is still downloading.
 */
export function ModalDialog({ isOpen, title, onClose, width = 'md', children }: ModalDialogProps) {
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
      className={`m-auto max-h-[calc(100dvh-2rem)] ${WIDTHS[width]} rounded-2xl border border-zinc-200 bg-white p-0 text-zinc-900 shadow-2xl backdrop:bg-zinc-950/50 dark:border-zinc-800 dark:bg-zinc-950 dark:text-zinc-100`}
    >
      {isOpen && (
        <div className="flex flex-col gap-4 p-5">
          <h2 id={titleId} className="text-lg font-semibold">
            {title}
          </h2>
          {children}
        </div>
      )}
    </dialog>
  );
}
