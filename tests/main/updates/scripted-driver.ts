// A scripted stand-in for electron-updater (the real one needs the Electron binary). It behaves
// as electron-updater does where that matters: a failure is both emitted as an error event and
// thrown from the call, and progress arrives as events while a download runs.
import type { UpdaterDriver } from '../../../src/main/updates/updater-driver';

type CheckAnswer = { version: string } | null | Error;

export class ScriptedDriver implements UpdaterDriver {
  checks = 0;
  downloads = 0;
  installs = 0;
  /** Set to make quitAndInstall throw. */
  installError: Error | undefined;
  readonly calls: string[] = [];
  private readonly answers: CheckAnswer[] = [];
  private download$: { finish(): void; fail(error: Error): void } | undefined;
  private readonly progressListeners = new Set<(percent: number) => void>();
  private readonly errorListeners = new Set<(error: unknown) => void>();

  /** The next checks' answers in order; once used up, checks find nothing new. */
  answerChecks(...answers: CheckAnswer[]): this {
    this.answers.push(...answers);
    return this;
  }

  async check(): Promise<{ version: string } | null> {
    this.checks += 1;
    this.calls.push('check');
    const answer = this.answers.shift() ?? null;
    if (answer instanceof Error) throw this.emitError(answer);
    return answer;
  }

  download(): Promise<void> {
    this.downloads += 1;
    this.calls.push('download');
    return new Promise<void>((resolve, reject) => {
      this.download$ = {
        finish: resolve,
        fail: (error) => reject(this.emitError(error)),
      };
    });
  }

  quitAndInstall(): void {
    this.installs += 1;
    this.calls.push('quitAndInstall');
    if (this.installError) throw this.installError;
  }

  onProgress(listener: (percent: number) => void): () => void {
    this.progressListeners.add(listener);
    return () => this.progressListeners.delete(listener);
  }

  onError(listener: (error: unknown) => void): () => void {
    this.errorListeners.add(listener);
    return () => this.errorListeners.delete(listener);
  }

  progress(percent: number): void {
    for (const listener of this.progressListeners) listener(percent);
  }

  finishDownload(): void {
    this.takeDownload().finish();
  }

  failDownload(error: Error): void {
    this.takeDownload().fail(error);
  }

  /** An error reported outside any call (as the macOS installer does). */
  emitError(error: Error): Error {
    for (const listener of this.errorListeners) listener(error);
    return error;
  }

  get listening(): number {
    return this.progressListeners.size + this.errorListeners.size;
  }

  private takeDownload() {
    const pending = this.download$;
    if (!pending) throw new Error('no download is running');
    this.download$ = undefined;
    return pending;
  }
}

/** A Node socket error as electron-updater passes it on when the feed cannot be reached. */
export function offlineError(): Error {
  return Object.assign(new Error('getaddrinfo ENOTFOUND updates.example.com'), {
    code: 'ENOTFOUND',
  });
}
