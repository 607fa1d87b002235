import { useEffect, useId, useRef, type ReactNode } from 'react';
import type { ChatMessage } from '../../core/chat/chat-message';
import type { ConversationToExport } from '../../core/share/conversation-export';

/** What to share: a whole conversation, or from a message. */
export interface ShareTarget {
  title: string;
  /** The visible conversation, oldest first. */
  messages: readonly ChatMessage[];
  /** Set when sharing from an assistant message ("Share this turn"). */
  messageId?: string;
  /** The saved conversation's id, to list the short links made from it in this browser. */
  conversationId?: string;
  /** The whole conversation, every version and branch, for the JSON download. */
  tree?: ConversationToExport;
}

interface ShareDialogProps {
  /** What to share; the dialog is open while this is set. */
  target: ShareTarget | undefined;
  onClose: () => void;
  /** The form (`ShareForm`), rendered only while the dialog is open. */
  children: ReactNode;
}

/**
 * The modal `<dialog>` that holds the Share form. It is separate from the form so it can open at
 * once while the form's code is still downloading.
 */
export function ShareDialog({ target, onClose, children }: ShareDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog === null) return;
    if (target !== undefined && !dialog.open) dialog.showModal();
    if (target === undefined && dialog.open) dialog.close();
  }, [target]);

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={titleId}
      onClose={onClose}
      className="m-auto max-h-[calc(100dvh-2rem)] w-[min(36rem,calc(100vw-2rem))] rounded-2xl border border-zinc-200 bg-white p-0 text-zinc-900 shadow-2xl backdrop:bg-zinc-950/50 dark:border-zinc-800 dark:bg-zinc-950 dark:text-zinc-100"
    >
      {target !== undefined && (
        <div className="flex flex-col gap-4 p-5">
          <h2 id={titleId} className="text-lg font-semibold">
            Share {target.messageId === undefined ? 'conversation' : 'from this message'}
          </h2>
          {children}
        </div>
      )}
    </dialog>
  );
}
