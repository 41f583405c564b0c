import type { ReactNode } from 'react';
import { Button as AriaButton, Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';

interface ConfirmActionProps {
  trigger: string;
  /** The trigger cannot open the dialog yet (e.g. nothing selected, no reason given). */
  isDisabled?: boolean;
  title: string;
  /** What will change, named before anything happens. */
  children: ReactNode;
  confirm: string;
  cancel: string;
  onConfirm: () => void;
  variant?: 'primary' | 'danger';
}

/**
 * The shared confirmation (focus trapped, Escape cancels, Cancel focused first) with a trigger that can
 * be disabled while the action is not ready: staff decisions need a selection and a reason first.
 */
export function ConfirmAction({ trigger, isDisabled, title, children, confirm, cancel, onConfirm, variant = 'primary' }: ConfirmActionProps) {
  return (
    <DialogTrigger>
      <AriaButton className={`button button-${variant}`} isDisabled={isDisabled}>
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
