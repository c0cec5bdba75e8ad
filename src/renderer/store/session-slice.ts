// Who is signed in. Signing in (or back in after expiry) opens the workspace and resumes the
// queue; signing out or expiring returns to sign-in while the queue keeps its files.
import type { SessionState } from '../../shared/ipc';
import { IpcError, bridge, errorMessage, invoke } from '../lib/ipc';
import type { SliceCreator } from './app-store';

export interface SignInInput {
  serverUrl: string;
  email: string;
  password: string;
}

export interface SignUpInput extends SignInInput {
  username: string;
  avatar: File | null;
  /** The code from an administrator's invite (servers that take invited people only). */
  inviteToken?: string;
}

export interface ResetInput {
  serverUrl: string;
  /** The one-time code an administrator gave out. */
  token: string;
  password: string;
}

export interface SessionSlice {
  /** null until the main process has answered session:get. */
  session: SessionState | null;
  bootError: string | null;
  authBusy: boolean;
  authError: string | null;
  /** Why the person is back on sign-in (their session expired). */
  expiredNotice: string | null;
  /** Pre-fills the sign-in form after an expiry or sign-out. */
  lastEmail: string;
  boot(): Promise<void>;
  signIn(input: SignInInput): Promise<boolean>;
  signUp(input: SignUpInput): Promise<boolean>;
  redeemReset(input: ResetInput): Promise<boolean>;
  /** A new profile image, or null to remove it; returns an error sentence, or null when done. */
  setAvatar(file: File | null): Promise<string | null>;
  /** Returns an error sentence, or null when the password was changed. */
  changePassword(currentPassword: string, newPassword: string): Promise<string | null>;
  signOut(): Promise<void>;
  setSession(next: SessionState): void;
  sessionExpired(message: string): void;
  clearAuthError(): void;
}

/** Electron gives a dropped or picked file's real path; the browser preview stages its bytes. */
async function avatarPathFor(file: File): Promise<string> {
  const b = bridge();
  const direct = b.pathForFile(file);
  if (direct) return direct;
  const staged = await b
    .stageFiles?.([{ file }])
    .then((paths) => paths[0])
    .catch(() => undefined);
  if (!staged) {
    throw new IpcError('FILE_NOT_FOUND', 'The profile image could not be read. Choose it again.');
  }
  return staged;
}

/**
 * The queue lives in the main process and was paused when the session ended; signing in picks
 * it up again. (Not on start-up: a queue the person paused stays paused across a reload.)
 */
/** Runs a sign-in or sign-up: busy while it runs, its error sentence shown on the form. */
async function attemptAuth(
  set: Parameters<SliceCreator<SessionSlice>>[0],
  get: Parameters<SliceCreator<SessionSlice>>[1],
  work: () => Promise<SessionState>,
): Promise<boolean> {
  set({ authBusy: true, authError: null });
  try {
    get().setSession(await work());
    return true;
  } catch (error) {
    set({ authError: errorMessage(error) });
    return false;
  } finally {
    set({ authBusy: false });
  }
}

export const createSessionSlice: SliceCreator<SessionSlice> = (set, get) => ({
  session: null,
  bootError: null,
  authBusy: false,
  authError: null,
  expiredNotice: null,
  lastEmail: '',

  async boot() {
    set({ bootError: null });
    // Not part of the start-up: an update never holds the window back.
    void get().loadUpdateState();
    try {
      const [session] = await Promise.all([
        invoke('session:get'),
        get().loadSettings(),
        get().loadQueue(),
      ]);
      get().setSession(session);
    } catch (error) {
      set({ bootError: errorMessage(error) });
    }
  },

  // The main process resumes the upload queue on every sign-in; the renderer only shows it.
  signIn: (input) => attemptAuth(set, get, async () => invoke('session:login', input)),

  signUp: ({ avatar, inviteToken, ...input }) =>
    attemptAuth(set, get, async () => {
      const avatarPath = avatar ? await avatarPathFor(avatar) : undefined;
      return invoke('session:signup', {
        ...input,
        ...(avatarPath ? { avatarPath } : {}),
        ...(inviteToken ? { inviteToken } : {}),
      });
    }),

  redeemReset: (input) => attemptAuth(set, get, async () => invoke('session:redeem-reset', input)),

  async setAvatar(file) {
    try {
      const avatarPath = file ? await avatarPathFor(file) : null;
      get().setSession(await invoke('session:set-avatar', { avatarPath }));
      return null;
    } catch (error) {
      return errorMessage(error);
    }
  },

  async changePassword(currentPassword, newPassword) {
    try {
      await invoke('session:change-password', { currentPassword, newPassword });
      return null;
    } catch (error) {
      return errorMessage(error);
    }
  },

  async signOut() {
    try {
      get().setSession(await invoke('session:logout'));
    } catch (error) {
      get().notify(errorMessage(error), 'error');
    }
  },

  setSession(next) {
    const previous = get().session;
    const wasIn = Boolean(previous?.signedIn);
    const sameUser = previous?.user?.id === next.user?.id;
    set({
      session: next,
      lastEmail: next.user?.email ?? previous?.user?.email ?? get().lastEmail,
      ...(next.signedIn ? { expiredNotice: null, authError: null } : {}),
    });
    if (!sameUser) {
      // Another person's People list and codes are not this one's to see.
      set({ view: 'gallery', people: [], peopleCursor: null, oneTimeCode: null });
    }
    if (next.signedIn && (!wasIn || !sameUser)) {
      if (!sameUser) get().resetGallery();
      void get().loadQueue();
      // Signing in saves the server URL it used.
      void get().loadSettings();
      void get().loadAlbums();
      void get().loadGallery();
    } else if (!next.signedIn && wasIn) {
      get().resetGallery();
      get().setSettingsOpen(false);
      // Notices about the signed-in work ("Added 3 files…") would cover the sign-in card.
      set({ notices: [] });
    }
  },

  sessionExpired(message) {
    const current = get().session;
    if (!current?.signedIn) {
      set({ expiredNotice: message });
      return;
    }
    get().setSession({ ...current, signedIn: false, user: null });
    set({ expiredNotice: message });
  },

  clearAuthError: () => set({ authError: null }),
});
