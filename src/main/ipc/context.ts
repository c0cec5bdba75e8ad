// What the IPC handlers work with: the plain-Node services of the desktop app.
import type {
  QueueItemView,
  QueueRetryResult,
  QueueView,
  QueueViewQuery,
} from '../../shared/queue';
import type { Session } from '../services/session';
import type { SettingsStore } from '../services/settings-store';
import type { UpdateStatus } from '../updates/update-controller';

/** The part of the upload queue the handlers use. */
export interface QueueControls {
  add(paths: string[], opts?: { albumId?: string }): Promise<QueueItemView[]>;
  view(query: QueueViewQuery): QueueView;
  pause(ids?: string[]): void;
  resume(ids?: string[]): void;
  /** Sign-out: nothing runs without a token; what the person paused stays paused after. */
  holdForSignIn(): void;
  releaseAfterSignIn(): void;
  cancel(ids?: string[]): Promise<void>;
  retry(ids?: string[]): QueueRetryResult;
  clearFinished(): Promise<void>;
}

export interface DesktopContext {
  session: Session;
  settings: SettingsStore;
  queue: QueueControls;
  /** Re-checks a renderer-supplied path: exists, regular file, under the size cap. */
  checkPath(path: string): Promise<void>;
  /** Opens the OS file picker (Electron); the browser preview uses its file input instead. */
  chooseImages(): Promise<string[]>;
  /** A save dialog (Electron) offering `suggestedName`; null when cancelled or unavailable. */
  chooseSavePath(suggestedName: string): Promise<string | null>;
  /** Marks the session expired and tells the renderer. */
  expireSession(message: string): void;
  /** The desktop app's self-update (a disabled one in the browser preview). */
  updates: UpdateStatus;
}
