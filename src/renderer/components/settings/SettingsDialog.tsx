// Settings as a dialog over the workspace: the desktop settings form (starting from the saved
// values) and, apart from it, the account's profile image and password.
import { useAppStore } from '../../store/app-store';
import { Dialog } from '../common/Dialog';
import { ChangePasswordForm } from './ChangePasswordForm';
import { ProfileImageForm } from './ProfileImageForm';
import { SettingsForm } from './SettingsForm';

export function SettingsDialog() {
  const open = useAppStore((s) => s.settingsOpen);
  const settings = useAppStore((s) => s.settings);
  const setOpen = useAppStore((s) => s.setSettingsOpen);
  const clearErrors = useAppStore((s) => s.clearSettingsErrors);
  const close = () => {
    clearErrors();
    setOpen(false);
  };
  return (
    <Dialog open={open} onClose={close} title="Settings" className="dialog--settings">
      {settings ? (
        <SettingsForm initial={settings} onDone={close} />
      ) : (
        <p className="dialog__text">Settings are not available right now.</p>
      )}
      <ProfileImageForm />
      <ChangePasswordForm />
    </Dialog>
  );
}
