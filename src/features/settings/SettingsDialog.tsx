import type { ReactNode } from 'react';
import { ModalDialog } from '../../components/ui/modal-dialog';

interface SettingsDialogProps {
  isOpen: boolean;
  onClose: () => void;
  /** The form (`SettingsForm`), rendered only while the dialog is open. */
  children: ReactNode;
}

/**
 * The modal that holds the Settings form. It is separate from the form so it can open at once
 * while the form's code is still downloading.
 */
export function SettingsDialog({ isOpen, onClose, children }: SettingsDialogProps) {
  return (
    <ModalDialog isOpen={isOpen} title="Settings" onClose={onClose}>
      {children}
    </ModalDialog>
  );
}
