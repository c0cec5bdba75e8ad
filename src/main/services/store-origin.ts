// The origin the backend's signed image URLs point at, for the renderer's Content-Security-Policy:
// asked of the server (GET /api/client-config) at start and whenever the server URL changes.
// Until a server answers there is none, and the policy allows no remote images at all.
import { ApiClient } from './api-client';

export interface StoreOriginOptions {
  /** Asks a server for its store origin (tests and the preview may answer differently). */
  fetchOrigin?: (serverUrl: string) => Promise<string>;
  /** Called with the new origins when they differ from the last ones (the window reloads). */
  onChange?: (origins: readonly string[]) => void;
  onError?: (serverUrl: string, error: unknown) => void;
}

const fetchFromServer = async (serverUrl: string) =>
  (await new ApiClient({ serverUrl, timeoutMs: 5_000 }).clientConfig()).storeOrigin;

export class StoreOrigin {
  private origins: readonly string[] = [];
  /** The server the current origins came from. */
  private knownServer: string | undefined;
  /** The server asked last (an answer from an earlier one is stale). */
  private askedServer: string | undefined;
  private pending: Promise<void> | undefined;

  constructor(private readonly options: StoreOriginOptions = {}) {}

  /** The origins the policy allows images from right now. */
  current(): readonly string[] {
    return this.origins;
  }

  /**
   * Learns the store origin of `serverUrl`. The same server is asked again only after a
   * failure (it may have been down); a failure keeps what was known, and is reported.
   */
  refresh(serverUrl: string | undefined): Promise<void> {
    if (!serverUrl || serverUrl === this.knownServer) return this.pending ?? Promise.resolve();
    this.askedServer = serverUrl;
    const fetchOrigin = this.options.fetchOrigin ?? fetchFromServer;
    this.pending = fetchOrigin(serverUrl).then(
      (origin) => {
        if (serverUrl !== this.askedServer) return; // a newer server was asked meanwhile
        this.knownServer = serverUrl;
        const next = [new URL(origin).origin];
        if (next.join() === this.origins.join()) return;
        this.origins = next;
        this.options.onChange?.(next);
      },
      (error: unknown) => this.options.onError?.(serverUrl, error),
    );
    return this.pending;
  }
}
