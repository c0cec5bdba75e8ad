// Shows an invite or password-reset code once, to copy and pass on. The server keeps only its
// hash, so after this dialog closes nobody can see it again.
import { useId } from 'react';
import { copyText } from '../../lib/clipboard';
import { useAppStore } from '../../store/app-store';
import { Dialog } from '../common/Dialog';

function until(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function OneTimeCodeDialog() {
  const code = useAppStore((s) => s.oneTimeCode);
  const dismiss = useAppStore((s) => s.dismissOneTimeCode);
  const id = useId();
  const notify = useAppStore((s) => s.notify);
  const invite = code?.kind === 'invite';
  const label = invite ? 'Invite code' : 'Password reset code';

  const copy = async () => {
    if (!code) return;
    if (await copyText(code.token)) notify('Code copied.', 'success');
    else notify('The code could not be copied; select it and copy it by hand.', 'error');
  };

  return (
    <Dialog
      open={code !== null}
      onClose={dismiss}
      title={invite ? 'New invite' : 'New password reset'}
      className="dialog--small"
    >
      {code ? (
        <>
          <h2 className="dialog__title">
            {invite ? `Invite for ${code.email}` : `Password reset for ${code.email}`}
          </h2>
          <p className="dialog__text">
            {invite
              ? `Send this code to ${code.email}. In Image Desk they choose Create account and enter it as their invite code, with this email address.`
              : `Give this code to ${code.email}. In Image Desk they choose Reset password with a code on the sign-in screen and pick a new password; their other sessions end.`}
          </p>
          <div className="field">
            <label className="field__label" htmlFor={id}>
              {label}
            </label>
            <div className="one-time-code__row">
              <input
                id={id}
                className="input one-time-code"
                readOnly
                value={code.token}
                onFocus={(e) => e.target.select()}
              />
              <button type="button" className="button" onClick={() => void copy()}>
                Copy
              </button>
            </div>
          </div>
          <p className="field__hint">
            Shown only now: the server keeps no copy. Works once, until {until(code.expiresAt)}.
          </p>
          <div className="dialog__buttons">
            <button type="button" className="button button--primary" onClick={dismiss}>
              Done
            </button>
          </div>
        </>
      ) : null}
    </Dialog>
  );
}
