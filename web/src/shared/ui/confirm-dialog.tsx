import type { ReactNode } from 'react';
import { Button as AriaButton, Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';

interface ConfirmDialogProps {
  /** The button that opens the dialog. */
  trigger: string;
  /** The trigger's accessible name when its text alone is ambiguous (several on one screen). */
  triggerLabel?: string;
  /** The trigger cannot open the dialog yet (e.g. nothing selected, no reason given). */
  isDisabled?: boolean;
  /** The confirmed action is under way: the trigger stays focusable (aria-disabled, so focus returned to it stays there) and does not open. */
  isPending?: boolean;
  title: string;
  children: ReactNode;
  confirm: string;
  cancel: string;
  onConfirm: () => void;
  /** Asked first when confirming: false keeps the dialog open (e.g. a required field inside it, which shows its own error). */
  confirmIf?: () => boolean;
  variant?: 'primary' | 'danger';
}

/**
 * Asks before an action that cannot be undone (withdrawing, submitting a final answer). React Aria's
 * modal: focus moves in and is trapped, Escape cancels, focus returns to the trigger.
 */
export function ConfirmDialog({ trigger, triggerLabel, isDisabled, isPending, title, children, confirm, cancel, onConfirm, confirmIf, variant = 'danger' }: ConfirmDialogProps) {
  return (
    <DialogTrigger>
      <AriaButton className={`button button-${variant}`} isDisabled={isDisabled} isPending={isPending} aria-label={triggerLabel}>
        {trigger}
      </AriaButton>
      <ModalOverlay className="modal-overlay" isDismissable>
        <Modal className="modal">
          <Dialog className="dialog" role="alertdialog">
            {({ close }) => (
              <>
                <Heading slot="title" className="dialog-title">
                  {title}
                </Heading>
                {children}
                <div className="button-row">
                  <AriaButton
                    className={`button button-${variant}`}
                    onPress={() => {
                      if (confirmIf && !confirmIf()) return;
                      close();
                      onConfirm();
                    }}
                  >
                    {confirm}
                  </AriaButton>
                  <AriaButton className="button button-secondary" onPress={close} autoFocus>
                    {cancel}
                  </AriaButton>
                </div>
              </>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}
