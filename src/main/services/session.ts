// The signed-in session: token in the keychain, a pointer (server + email) in the data dir,
// and only {signedIn, user} for anyone outside the main process.
import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { User } from '../../shared/api';
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
}

/** Profile images are small: resized to 512 px WebP before they are presigned. */
const AVATAR_OPTIONS = { maxEdge: 512, format: 'webp', quality: 85 } as const;

/** Resizes, presigns (as `client`: anonymous at sign-up) and uploads a profile image; its key. */
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

export class Session {
  private token: string | undefined;
  private user: User | null = null;
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

  /** An API client for the current server that sends the current token. */
  api(serverUrl = this.serverUrl): ApiClient {
    return new ApiClient({ serverUrl, getToken: () => this.token });
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
    const api = this.api(input.serverUrl);
    const result = await api.login({ email: input.email, password: input.password });
    return this.adopt(input.serverUrl, result.token, result.user);
  }

  /**
   * Creates the account; a profile image is resized here, presigned as an anonymous avatar and
   * uploaded first. If sign-up fails the server deletes that upload, so a retry starts afresh.
   */
  async signup(input: {
    serverUrl: string;
    email: string;
    password: string;
    username: string;
    avatarPath?: string | undefined;
    inviteToken?: string | undefined;
  }): Promise<SessionState> {
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
    return this.adopt(input.serverUrl, result.token, result.user);
  }

  /**
   * Changes the signed-in user's password. The server ends every other session of the account
   * and answers with a token for this one, which replaces the old one in the keychain.
   */
  async changePassword(input: { currentPassword: string; newPassword: string }): Promise<void> {
    const result = await this.api().changePassword(input);
    await this.adopt(this.serverUrl, result.token, result.user);
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
    return this.adopt(input.serverUrl, result.token, result.user);
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

  async logout(): Promise<SessionState> {
    if (this.user && !this.options.tokens.hasEnvOverride) {
      await this.options.tokens.delete(this.serverUrl, this.user.email);
    }
    this.token = undefined;
    return this.changed(null);
  }

  /** Called when the server answers 401: the token is dropped, the pointer kept for re-login. */
  expire(): SessionState {
    this.token = undefined;
    return this.changed(null);
  }

  private async adopt(serverUrl: string, token: string, user: User): Promise<SessionState> {
    const normalized = serverUrl.replace(/\/+$/, '');
    if (!this.options.tokens.hasEnvOverride)
      await this.options.tokens.set(normalized, user.email, token);
    await writeJsonAtomic(this.pointerFile, { serverUrl: normalized, email: user.email });
    this.serverUrl = normalized;
    this.token = token;
    return this.changed(user);
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
