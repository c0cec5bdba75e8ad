// The part of electron-updater the update controller drives. electron-updater-driver.ts adapts
// the real one (it needs the Electron binary); the tests script a fake.

export interface UpdaterDriver {
  /** Asks the feed for a newer version: resolves with it, or null when this one is the newest. */
  check(): Promise<{ version: string } | null>;
  /** Downloads what the last check found; resolves once it is ready to install. */
  download(): Promise<void>;
  /** Quits the app and runs the installer of the downloaded version. */
  quitAndInstall(): void;
  /** Download progress, 0–100. Returns a function that stops listening. */
  onProgress(listener: (percent: number) => void): () => void;
  /**
   * Errors reported outside a check() or download() call (the macOS installer reports some
   * this way). Returns a function that stops listening.
   */
  onError(listener: (error: unknown) => void): () => void;
}
