import type { ReactNode } from 'react';
import { ModalDialog } from '../../components/ui/modal-dialog';
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
 * The modal that holds the Share form. It is separate from the form so it can open at once while
 * the form's code is still downloading.
 */
export function ShareDialog({ target, onClose, children }: ShareDialogProps) {
  return (
    <ModalDialog
      isOpen={target !== undefined}
      title={`Share ${target?.messageId === undefined ? 'conversation' : 'from this message'}`}
      onClose={onClose}
      width="lg"
    >
      {children}
    </ModalDialog>
  );
}
