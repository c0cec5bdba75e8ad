// Typed client for the Image Desk backend (axios, Node side only: it holds the bearer token).
import axios, { type AxiosInstance } from 'axios';
import type { z } from 'zod';
import {
  adminUserResponseSchema,
  albumResponseSchema,
  authResponseSchema,
  clientConfigSchema,
  bulkDeleteResponseSchema,
  bulkRestoreResponseSchema,
  bulkUpdateResponseSchema,
  emptyTrashResponseSchema,
  galleryResponseSchema,
  imageResponseSchema,
  inviteResponseSchema,
  listAlbumsResponseSchema,
  listImagesResponseSchema,
  listUsersResponseSchema,
  meResponseSchema,
  passwordResetResponseSchema,
  presignBatchResponseSchema,
  presignResponseSchema,
  signedUrlResponseSchema,
  signedUrlsResponseSchema,
  type BulkUpdateRequest,
  sourceLookupResponseSchema,
  type ChangePasswordRequest,
  type CreateInviteRequest,
  type ListImagesQuery,
  type ListUsersQuery,
  type LoginRequest,
  type PresignRequest,
  type RedeemPasswordResetRequest,
  type RegisterImageRequest,
  type SourceLookupRequest,
  type SignupRequest,
  type UpdateImageRequest,
  type UpdateUserRequest,
} from '../../shared/api';
import { CodedError } from '../../shared/errors';
import { serverUrlProblem } from '../../shared/server-url';
import { toApiError } from './api-error';

export interface ApiClientOptions {
  serverUrl: string;
  /** Read on every request, so a new sign-in takes effect without rebuilding the client. */
  getToken?: () => string | undefined;
  /**
   * Called when the server says the access token has expired: true when a new one was obtained
   * (the request is then sent once more with it), false to let AUTH_EXPIRED through.
   */
  renew?: () => Promise<boolean>;
  timeoutMs?: number;
}

export class ApiClient {
  readonly serverUrl: string;
  private readonly http: AxiosInstance;

  constructor(private readonly options: ApiClientOptions) {
    // The last line of defence: no request with a token goes to a remote server in clear.
    const problem = serverUrlProblem(options.serverUrl);
    if (problem) throw new CodedError('VALIDATION_FAILED', problem);
    this.serverUrl = options.serverUrl.replace(/\/+$/, '');
    this.http = axios.create({
      baseURL: this.serverUrl,
      timeout: options.timeoutMs ?? 30_000,
      headers: { accept: 'application/json' },
      // Never follow a redirect with the bearer token to somewhere else.
      maxRedirects: 0,
      // Repeated parameters as the API reads them: tag=a&tag=b (axios' default is tag[]=a).
      paramsSerializer: { indexes: null },
    });
  }

  private async call<S extends z.ZodType>(
    schema: S,
    config: { method: string; url: string; data?: unknown; params?: object; signal?: AbortSignal },
  ): Promise<z.output<S>> {
    const res = await this.send(config);
    return schema.parse(res.data);
  }

  private async callNoContent(config: {
    method: string;
    url: string;
    data?: unknown;
  }): Promise<void> {
    await this.send(config);
  }

  /** One request with the current token; after an expired token, once more with a renewed one. */
  private async send(config: {
    method: string;
    url: string;
    data?: unknown;
    params?: object;
    signal?: AbortSignal;
  }) {
    for (let attempt = 1; ; attempt++) {
      const token = this.options.getToken?.();
      try {
        return await this.http.request({
          ...config,
          headers: token ? { authorization: `Bearer ${token}` } : {},
        });
      } catch (error) {
        const apiError = toApiError(error, this.serverUrl);
        const expired = apiError.code === 'AUTH_EXPIRED' && apiError.status === 401;
        if (expired && attempt === 1 && token && (await this.options.renew?.())) continue;
        throw apiError;
      }
    }
  }

  /** Public: what the server tells clients before sign-in (the image store's origin). */
  clientConfig() {
    return this.call(clientConfigSchema, { method: 'GET', url: '/api/client-config' });
  }

  signup(body: SignupRequest) {
    return this.call(authResponseSchema, { method: 'POST', url: '/api/auth/signup', data: body });
  }
  login(body: LoginRequest) {
    return this.call(authResponseSchema, { method: 'POST', url: '/api/auth/login', data: body });
  }
  me() {
    return this.call(meResponseSchema, { method: 'GET', url: '/api/auth/me' });
  }
  avatarUrl() {
    return this.call(signedUrlResponseSchema, { method: 'GET', url: '/api/auth/me/avatar-url' });
  }
  /** Answers with a new token for this session; every other session of the account ends. */
  /** Trades a refresh token for the next pair (no bearer token needed). */
  refresh(refreshToken: string) {
    return this.call(authResponseSchema, {
      method: 'POST',
      url: '/api/auth/refresh',
      data: { refreshToken },
    });
  }
  /** Ends the sign-in the refresh token belongs to. */
  logout(refreshToken: string) {
    return this.callNoContent({ method: 'POST', url: '/api/auth/logout', data: { refreshToken } });
  }
  changePassword(body: ChangePasswordRequest) {
    return this.call(authResponseSchema, { method: 'POST', url: '/api/auth/password', data: body });
  }
  redeemPasswordReset(body: RedeemPasswordResetRequest) {
    return this.call(authResponseSchema, {
      method: 'POST',
      url: '/api/auth/password-reset',
      data: body,
    });
  }
  setAvatar(avatarKey: string) {
    return this.call(meResponseSchema, {
      method: 'PUT',
      url: '/api/auth/me/avatar',
      data: { avatarKey },
    });
  }
  removeAvatar() {
    return this.call(meResponseSchema, { method: 'DELETE', url: '/api/auth/me/avatar' });
  }
  // People (administrators only).
  listUsers(query: ListUsersQuery = {}) {
    return this.call(listUsersResponseSchema, {
      method: 'GET',
      url: '/api/admin/users',
      params: query,
    });
  }
  updateUser(id: string, changes: UpdateUserRequest) {
    return this.call(adminUserResponseSchema, {
      method: 'PATCH',
      url: `/api/admin/users/${encodeURIComponent(id)}`,
      data: changes,
    });
  }
  deleteUser(id: string) {
    return this.callNoContent({
      method: 'DELETE',
      url: `/api/admin/users/${encodeURIComponent(id)}`,
    });
  }
  createPasswordReset(id: string) {
    return this.call(passwordResetResponseSchema, {
      method: 'POST',
      url: `/api/admin/users/${encodeURIComponent(id)}/password-reset`,
      // An empty JSON object: without a body axios labels the request as a form, which the
      // server (JSON only) refuses with 415.
      data: {},
    });
  }
  createInvite(body: CreateInviteRequest) {
    return this.call(inviteResponseSchema, {
      method: 'POST',
      url: '/api/admin/invites',
      data: body,
    });
  }
  presign(body: PresignRequest) {
    return this.call(presignResponseSchema, {
      method: 'POST',
      url: '/api/images/presign-upload',
      data: body,
    });
  }
  presignBatch(files: PresignRequest[], signal?: AbortSignal) {
    return this.call(presignBatchResponseSchema, {
      method: 'POST',
      url: '/api/images/presign-batch',
      data: { files },
      signal,
    });
  }
  /** 201 for a new image, 200 when the key was already registered (idempotent). */
  register(body: RegisterImageRequest, signal?: AbortSignal) {
    return this.call(imageResponseSchema, {
      method: 'POST',
      url: '/api/images',
      data: body,
      signal,
    });
  }
  /** Which of these source hashes the caller's gallery already holds (≤ 500 per call). */
  lookUpSources(body: SourceLookupRequest, signal?: AbortSignal) {
    return this.call(sourceLookupResponseSchema, {
      method: 'POST',
      url: '/api/images/source-lookup',
      data: body,
      signal,
    });
  }
  listImages(query: ListImagesQuery = {}) {
    return this.call(listImagesResponseSchema, {
      method: 'GET',
      url: '/api/images',
      params: query,
    });
  }
  gallery(query: ListImagesQuery = {}) {
    return this.call(galleryResponseSchema, {
      method: 'GET',
      url: '/api/images/gallery',
      params: query,
    });
  }
  getImage(id: string) {
    return this.call(imageResponseSchema, {
      method: 'GET',
      url: `/api/images/${encodeURIComponent(id)}`,
    });
  }
  signedUrl(id: string, variant: 'original' | 'thumbnail' = 'original') {
    return this.call(signedUrlResponseSchema, {
      method: 'GET',
      url: `/api/images/${encodeURIComponent(id)}/signed-url`,
      params: { variant },
    });
  }
  /** Signed GET URLs for many images in one call; ids not visible to the caller are absent. */
  signedUrls(
    ids: string[],
    variant: 'original' | 'thumbnail',
    options: { expiresIn?: number | undefined; disposition?: 'inline' | 'attachment' } = {},
  ) {
    return this.call(signedUrlsResponseSchema, {
      method: 'POST',
      url: '/api/images/signed-urls',
      data: { ids, variant, ...options },
    });
  }
  updateImage(id: string, body: UpdateImageRequest) {
    return this.call(imageResponseSchema, {
      method: 'PATCH',
      url: `/api/images/${encodeURIComponent(id)}`,
      data: body,
    });
  }
  /** Moves the image to the trash; `permanent` deletes it (and its objects) at once. */
  deleteImage(id: string, options: { permanent?: boolean } = {}) {
    const query = options.permanent ? '?permanent=true' : '';
    return this.callNoContent({
      method: 'DELETE',
      url: `/api/images/${encodeURIComponent(id)}${query}`,
    });
  }
  /** Moves many images to the trash. */
  bulkDelete(ids: string[]) {
    return this.call(bulkDeleteResponseSchema, {
      method: 'POST',
      url: '/api/images/bulk-delete',
      data: { ids },
    });
  }
  bulkRestore(ids: string[]) {
    return this.call(bulkRestoreResponseSchema, {
      method: 'POST',
      url: '/api/images/bulk-restore',
      data: { ids },
    });
  }
  /** Edits many images in one request; each id is reported as updated or failed. */
  bulkUpdate(body: BulkUpdateRequest) {
    return this.call(bulkUpdateResponseSchema, {
      method: 'POST',
      url: '/api/images/bulk-update',
      data: body,
    });
  }
  /** One bounded round of Empty trash; ask again while `remaining` is above 0. */
  emptyTrash() {
    // An empty JSON object: axios would otherwise label the bodiless POST as a form, which the
    // server refuses (415).
    return this.call(emptyTrashResponseSchema, {
      method: 'POST',
      url: '/api/images/empty-trash',
      data: {},
    });
  }
  listAlbums() {
    return this.call(listAlbumsResponseSchema, { method: 'GET', url: '/api/albums' });
  }
  createAlbum(name: string) {
    return this.call(albumResponseSchema, { method: 'POST', url: '/api/albums', data: { name } });
  }
  renameAlbum(id: string, name: string) {
    return this.call(albumResponseSchema, {
      method: 'PATCH',
      url: `/api/albums/${encodeURIComponent(id)}`,
      data: { name },
    });
  }
  deleteAlbum(id: string) {
    return this.callNoContent({ method: 'DELETE', url: `/api/albums/${encodeURIComponent(id)}` });
  }
}
