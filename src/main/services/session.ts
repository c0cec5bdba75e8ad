// The signed-in session: tokens in the keychain, a pointer (server + email) in the data dir,
// and only {signedIn, user} for anyone outside the main process. The access token lives two
// hours; when the server says it expired, the session trades its refresh token for a new pair
// (once, shared by every request that noticed) so a long batch never stops for a sign-in.
import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { AuthResponse, User } from '../../shared/api';
import { processImage } from '../../imaging';
import { ApiClient } from './api-client';
import { ApiError } from './api-error';
import { putObject } from './put-object';
import { readJson, writeJsonAtomic } from './json-file';
import type { TokenStore } from './token-store';

export interface SessionState {
  signedIn: boolean;
  user: User | null;
  serverUrl: string;
}

const pointerSchema = z.object({ serverUrl: z.string(), email: z.string() });

export interface SessionOptions {
  dataDir: string;
  tokens: TokenStore;
  /** The server to use when no session pointer exists yet (settings, --server, IMAGE_DESK_SERVER). */
  defaultServerUrl: () => string;
  onChange?: (state: SessionState) => void;
  /** Sign-out could not reach the server to end the sign-in there (it is forgotten here anyway). */
  onLogoutUnconfirmed?: (error: unknown) => void;
}

/** Profile images are small: resized to 512 px WebP before they are presigned. */
const AVATAR_OPTIONS = { maxEdge: 512, format: 'webp', quality: 85 } as const;

/** Resizes, presigns (as `client`: anonymous at sign-up) and uploads a profile image; its key. */
export interface SignupInput {
  serverUrl: string;
  email: string;
  password: string;
  username: string;
  avatarPath?: string | undefined;
  inviteToken?: string | undefined;
}

async function uploadAvatar(client: ApiClient, avatarPath: string): Promise<string> {
  const processed = await processImage(avatarPath, AVATAR_OPTIONS);
  const signed = await client.presign({
    filename: path.basename(avatarPath),
    contentType: 'image/webp',
    size: processed.original.size,
    sha256: processed.original.sha256,
    purpose: 'avatar',
  });
  await putObject(signed, processed.original.data);
  return signed.key;
}

/** How long a process that lost a refresh race waits for the winner's tokens: 3 seconds. */
const RACE_POLLS = 30;
const RACE_POLL_MS = 100;

export class Session {
  private token: string | undefined;
  private refreshToken: string | undefined;
  private renewing: Promise<boolean> | undefined;
  private user: User | null = null;
  /** The email of the stored session, known before the server has confirmed the user. */
  private pointerEmail: string | undefined;
  private serverUrl: string;
  private readonly pointerFile: string;

  constructor(private readonly options: SessionOptions) {
    this.pointerFile = path.join(options.dataDir, 'session.json');
    this.serverUrl = options.defaultServerUrl();
  }

  state(): SessionState {
    return {
      signedIn: Boolean(this.token && this.user),
      user: this.user,
      serverUrl: this.serverUrl,
    };
  }

  /** An API client for the current server that sends the current token (renewed on expiry). */
  api(serverUrl = this.serverUrl): ApiClient {
    return new ApiClient({ serverUrl, getToken: () => this.token, renew: () => this.renew() });
  }

  /**
   * Gets a new access token with the refresh token; every request that saw the old one expire
   * waits for this one attempt. The app and the CLI share the keychain entry, so another process
   * may have renewed first: its tokens are adopted from the keychain instead of spending ours.
   */
  renew(): Promise<boolean> {
    this.renewing ??= this.renewOnce().finally(() => {
      this.renewing = undefined;
    });
    return this.renewing;
  }

  private async renewOnce(): Promise<boolean> {
    const email = this.user?.email ?? this.pointerEmail;
    if (!email || !this.refreshToken || this.options.tokens.hasEnvOverride) return false;
    if (await this.adoptStored(email)) return true;
    try {
      const result = await new ApiClient({ serverUrl: this.serverUrl }).refresh(this.refreshToken);
      await this.store(this.serverUrl, result.user.email, result.token, result.refreshToken);
      this.user = result.user;
      return true;
    } catch (error) {
      // Another process spent it a moment ago: its new tokens are (about to be) in the keychain.
      if (error instanceof ApiError && error.code === 'REFRESH_RACED') {
        return this.awaitStored(email);
      }
      if (error instanceof ApiError && error.status === 401) return false;
      throw error;
    }
  }

  /** Waits (briefly) for the process that won the refresh to store its tokens, then takes them. */
  private async awaitStored(email: string): Promise<boolean> {
    for (let attempt = 0; attempt < RACE_POLLS; attempt++) {
      if (await this.adoptStored(email)) return true;
      await new Promise((resolve) => setTimeout(resolve, RACE_POLL_MS));
    }
    return false;
  }

  /** Takes the keychain's tokens when another process replaced ours; false when they are ours. */
  private async adoptStored(email: string): Promise<boolean> {
    const stored = await this.options.tokens.getRefresh(this.serverUrl, email);
    if (!stored || stored === this.refreshToken) return false;
    this.refreshToken = stored;
    this.token = await this.options.tokens.get(this.serverUrl, email);
    return Boolean(this.token);
  }

  /** Restores the last session from the keychain (or IMAGE_DESK_TOKEN) and checks it with the server. */
  async restore(serverOverride?: string): Promise<SessionState> {
    const pointer = pointerSchema.safeParse(
      await readJson(this.pointerFile).catch(() => undefined),
    );
    this.serverUrl =
      serverOverride ??
      (pointer.success ? pointer.data.serverUrl : this.options.defaultServerUrl());
    const email =
      pointer.success && pointer.data.serverUrl === this.serverUrl ? pointer.data.email : undefined;
    this.pointerEmail = email;
    this.refreshToken = email
      ? await this.options.tokens.getRefresh(this.serverUrl, email)
      : undefined;
    this.token = this.options.tokens.hasEnvOverride
      ? await this.options.tokens.get(this.serverUrl, email ?? '')
      : email
        ? await this.options.tokens.get(this.serverUrl, email)
        : undefined;
    if (!this.token) return this.changed(null);
    try {
      const { user } = await this.api().me();
      return this.changed(user);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        this.token = undefined;
        return this.changed(null);
      }
      throw error;
    }
  }

  async login(input: {
    serverUrl: string;
    email: string;
    password: string;
  }): Promise<SessionState> {
    return this.adopt(input.serverUrl, await this.authenticate(input));
  }

  /** Signs in without keeping anything (the CLI's --print-token hands the token to the person). */
  authenticate(input: { serverUrl: string; email: string; password: string }) {
    return this.api(input.serverUrl).login({ email: input.email, password: input.password });
  }

  /**
   * Creates the account; a profile image is resized here, presigned as an anonymous avatar and
   * uploaded first. If sign-up fails the server deletes that upload, so a retry starts afresh.
   */
  async signup(input: SignupInput): Promise<SessionState> {
    return this.adopt(input.serverUrl, await this.createAccount(input));
  }

  /** Creates the account without keeping its tokens (see `signup`, which keeps them). */
  async createAccount(input: SignupInput): Promise<AuthResponse> {
    const api = this.api(input.serverUrl);
    const avatarKey = input.avatarPath
      ? await uploadAvatar(new ApiClient({ serverUrl: input.serverUrl }), input.avatarPath)
      : undefined;
    const result = await api.signup({
      email: input.email,
      password: input.password,
      username: input.username,
      ...(avatarKey ? { avatarKey } : {}),
      ...(input.inviteToken ? { inviteToken: input.inviteToken } : {}),
    });
    return result;
  }

  /**
   * Changes the signed-in user's password. The server ends every other session of the account
   * and answers with a token for this one, which replaces the old one in the keychain.
   */
  async changePassword(input: { currentPassword: string; newPassword: string }): Promise<void> {
    const result = await this.api().changePassword(input);
    await this.adopt(this.serverUrl, result);
  }

  /** Sets a new password with an administrator's one-time reset code, and signs in with it. */
  async redeemReset(input: {
    serverUrl: string;
    token: string;
    password: string;
  }): Promise<SessionState> {
    const result = await new ApiClient({ serverUrl: input.serverUrl }).redeemPasswordReset({
      token: input.token,
      password: input.password,
    });
    return this.adopt(input.serverUrl, result);
  }

  /**
   * Replaces the signed-in user's profile image (resized and uploaded as at sign-up, but
   * presigned under their token), or removes it with null. The server deletes the old one.
   */
  async setAvatar(avatarPath: string | null): Promise<SessionState> {
    const api = this.api();
    const { user } = avatarPath
      ? await api.setAvatar(await uploadAvatar(api, avatarPath))
      : await api.removeAvatar();
    return this.changed(user);
  }

  /**
   * Signs out: the server ends this sign-in (its refresh tokens stop working everywhere), then
   * the keychain forgets it. An unreachable server does not keep anyone signed in here.
   */
  async logout(): Promise<SessionState> {
    const refreshToken = this.refreshToken;
    if (refreshToken) {
      await new ApiClient({ serverUrl: this.serverUrl })
        .logout(refreshToken)
        .catch((error: unknown) => this.options.onLogoutUnconfirmed?.(error));
    }
    if (this.user && !this.options.tokens.hasEnvOverride) {
      await this.options.tokens.delete(this.serverUrl, this.user.email);
    }
    this.token = undefined;
    this.refreshToken = undefined;
    return this.changed(null);
  }

  /** Called when the server answers 401: the tokens are dropped, the pointer kept for re-login. */
  expire(): SessionState {
    this.token = undefined;
    this.refreshToken = undefined;
    return this.changed(null);
  }

  private async adopt(serverUrl: string, result: AuthResponse): Promise<SessionState> {
    const normalized = serverUrl.replace(/\/+$/, '');
    await this.store(normalized, result.user.email, result.token, result.refreshToken);
    await writeJsonAtomic(this.pointerFile, { serverUrl: normalized, email: result.user.email });
    this.serverUrl = normalized;
    this.pointerEmail = result.user.email;
    return this.changed(result.user);
  }

  /** Keeps a token pair in memory and, unless IMAGE_DESK_TOKEN is used, in the keychain. */
  private async store(
    serverUrl: string,
    email: string,
    token: string,
    refreshToken: string,
  ): Promise<void> {
    if (!this.options.tokens.hasEnvOverride) {
      // The refresh token first: a process reading in between pairs the old access token with
      // the new refresh token, which still works, rather than a new access token with a spent one.
      await this.options.tokens.setRefresh(serverUrl, email, refreshToken);
      await this.options.tokens.set(serverUrl, email, token);
    }
    this.token = token;
    this.refreshToken = refreshToken;
  }

  private changed(user: User | null): SessionState {
    this.user = user;
    const state = this.state();
    this.options.onChange?.(state);
    return state;
  }

  /** For sign-out of a pointer whose server is unreachable: forget it locally. */
  async forgetPointer(): Promise<void> {
    await fs.rm(this.pointerFile, { force: true });
  }
}
