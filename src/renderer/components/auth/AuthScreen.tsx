// Sign in, create an account (with an optional profile image and invite code), or set a new
// password with an administrator's reset code. The modes share their fields, so switching keeps
// what was typed; errors are the main process's sentences.
import { useState, type FormEvent } from 'react';
import { DEFAULT_SERVER_URL } from '../../../shared/settings';
import { useAppStore } from '../../store/app-store';
import { Icon } from '../common/Icon';
import { AvatarPicker } from './AvatarPicker';
import { TextField } from './TextField';

type Mode = 'sign-in' | 'sign-up' | 'reset';

const TITLES: Record<Mode, [string, string]> = {
  'sign-in': ['Welcome back', 'Sign in to upload and manage your images.'],
  'sign-up': [
    'Create your account',
    'Your images stay in your bucket; this account keeps them organised.',
  ],
  reset: ['Choose a new password', 'Use the reset code your administrator gave you.'],
};

function missingField(mode: Mode, fields: Record<string, string>): string | null {
  if (!fields.serverUrl!.trim()) return 'Enter the server URL.';
  if (mode === 'reset') {
    if (!fields.code!.trim()) return 'Enter the reset code.';
    return fields.password ? null : 'Enter a new password.';
  }
  if (!fields.email!.trim()) return 'Enter your email address.';
  if (!fields.password) return 'Enter your password.';
  if (mode === 'sign-up' && !fields.username!.trim()) return 'Choose a username.';
  return null;
}

export function AuthScreen() {
  const serverDefault = useAppStore(
    (s) => s.session?.serverUrl || s.settings?.serverUrl || DEFAULT_SERVER_URL,
  );
  const lastEmail = useAppStore((s) => s.lastEmail);
  const busy = useAppStore((s) => s.authBusy);
  const authError = useAppStore((s) => s.authError);
  const expiredNotice = useAppStore((s) => s.expiredNotice);
  const signIn = useAppStore((s) => s.signIn);
  const signUp = useAppStore((s) => s.signUp);
  const redeemReset = useAppStore((s) => s.redeemReset);
  const clearAuthError = useAppStore((s) => s.clearAuthError);

  const [mode, setMode] = useState<Mode>('sign-in');
  const [serverUrl, setServerUrl] = useState(serverDefault);
  const [email, setEmail] = useState(lastEmail);
  const [password, setPassword] = useState('');
  const [username, setUsername] = useState('');
  const [code, setCode] = useState('');
  const [avatar, setAvatar] = useState<File | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const [avatarNote, setAvatarNote] = useState<string | null>(null);

  const error = localError ?? authError;

  const switchMode = (next: Mode) => {
    setMode(next);
    setLocalError(null);
    clearAuthError();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing = missingField(mode, { serverUrl, email, password, username, code });
    setLocalError(missing);
    if (missing) return;
    if (mode === 'reset') {
      await redeemReset({ serverUrl: serverUrl.trim(), token: code.trim(), password });
      return;
    }
    const input = { serverUrl: serverUrl.trim(), email: email.trim(), password };
    if (mode === 'sign-in') {
      await signIn(input);
      return;
    }
    const inviteToken = code.trim() || undefined;
    const ok = await signUp({ ...input, username: username.trim(), avatar, inviteToken });
    if (!ok && avatar) {
      // The server deleted the uploaded image with the failed account; a retry uploads anew.
      setAvatar(null);
      setAvatarNote('The profile image was removed with the failed attempt. Choose it again.');
    }
  };

  return (
    <main className="auth">
      <form className="auth__card" onSubmit={submit} noValidate aria-busy={busy}>
        <div className="brand brand--large">
          <span className="brand__mark" aria-hidden="true">
            <Icon name="images" size={28} />
          </span>
          Image Desk
        </div>
        <h1 className="auth__title">{TITLES[mode][0]}</h1>
        <p className="auth__subtitle">{TITLES[mode][1]}</p>
        {expiredNotice ? (
          <p className="banner banner--info" role="status">
            {expiredNotice}
          </p>
        ) : null}
        <TextField
          label="Server URL"
          value={serverUrl}
          onChange={setServerUrl}
          type="url"
          autoComplete="url"
        />
        {mode === 'reset' ? (
          <TextField label="Reset code" value={code} onChange={setCode} autoComplete="off" />
        ) : (
          <TextField
            label="Email"
            value={email}
            onChange={setEmail}
            type="email"
            autoComplete="email"
          />
        )}
        <TextField
          label={mode === 'reset' ? 'New password' : 'Password'}
          value={password}
          onChange={setPassword}
          type="password"
          autoComplete={mode === 'sign-in' ? 'current-password' : 'new-password'}
          hint={mode === 'sign-in' ? undefined : 'At least 8 characters.'}
        />
        {mode === 'sign-up' ? (
          <>
            <TextField
              label="Username"
              value={username}
              onChange={setUsername}
              autoComplete="username"
            />
            <TextField
              label="Invite code"
              value={code}
              onChange={setCode}
              autoComplete="off"
              hint="From your administrator's invite. Leave it empty if this server lets anyone sign up."
            />
            <AvatarPicker
              file={avatar}
              note={avatarNote}
              onChange={(file) => {
                setAvatar(file);
                setAvatarNote(null);
              }}
            />
          </>
        ) : null}
        {error ? (
          <p className="banner banner--error" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" className="button button--primary button--wide" disabled={busy}>
          {busy ? <span className="spinner spinner--on-accent" aria-hidden="true" /> : null}
          {mode === 'sign-in'
            ? 'Sign in'
            : mode === 'sign-up'
              ? 'Create account'
              : 'Set password and sign in'}
        </button>
        <p className="auth__switch">
          {mode === 'sign-in' ? (
            <>
              New to Image Desk?{' '}
              <button type="button" className="link-button" onClick={() => switchMode('sign-up')}>
                Create account
              </button>
            </>
          ) : (
            <>
              {mode === 'reset' ? 'Remember your password?' : 'Already registered?'}{' '}
              <button type="button" className="link-button" onClick={() => switchMode('sign-in')}>
                Use an existing account
              </button>
            </>
          )}
        </p>
        {mode === 'sign-in' ? (
          <p className="auth__switch">
            <button type="button" className="link-button" onClick={() => switchMode('reset')}>
              Reset password with a code
            </button>
          </p>
        ) : null}
      </form>
    </main>
  );
}
