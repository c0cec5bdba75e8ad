// Contracts for sign-up, login and the current user.
import { z } from 'zod';
import { objectKeySchema, idSchema } from './common';
import { safeText } from './safe-text';

export const roleSchema = z.enum(['admin', 'member']);
export type Role = z.infer<typeof roleSchema>;

export const userSchema = z.object({
  id: idSchema,
  email: z.string(),
  username: z.string(),
  role: roleSchema,
  avatarKey: z.string().nullable(),
});
export type User = z.infer<typeof userSchema>;

/** Trimmed and lower-cased before it is checked, so " Ann@Example.com" is ann@example.com. */
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .check(z.email({ error: 'must be a valid email address' }))
  .max(254, 'must be at most 254 characters');
export const passwordSchema = z
  .string()
  .min(8, 'must be at least 8 characters')
  .max(256, 'must be at most 256 characters');
export const usernameSchema = safeText({ min: 1, max: 64 });

/** Who may create an account on a server (its SIGNUP_MODE). */
export const signupModeSchema = z.enum(['open', 'invite', 'closed']);
export type SignupMode = z.infer<typeof signupModeSchema>;

/** An invite or password-reset code as the server hands it out (letters, digits, "_", "-"). */
export const oneTimeCodeSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(128, 'must be at most 128 characters')
  .regex(/^[A-Za-z0-9_-]+$/, 'must be the code exactly as an administrator gave it');

export const signupRequestSchema = z.object({
  email: emailSchema,
  password: passwordSchema,
  username: usernameSchema,
  avatarKey: objectKeySchema.optional(),
  /** The code from an admin's invite: needed unless SIGNUP_MODE is open. */
  inviteToken: oneTimeCodeSchema.optional(),
});
export type SignupRequest = z.input<typeof signupRequestSchema>;

export const loginRequestSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, 'must not be empty').max(256, 'must be at most 256 characters'),
});
export type LoginRequest = z.input<typeof loginRequestSchema>;

export const authResponseSchema = z.object({
  /** The access token (a JWT, two hours): `Authorization: Bearer <token>`. */
  token: z.string(),
  /** Single use: trade it at POST /api/auth/refresh for the next pair (REFRESH_TOKEN_DAYS). */
  refreshToken: z.string(),
  user: userSchema,
});
export type AuthResponse = z.infer<typeof authResponseSchema>;

export const refreshRequestSchema = z.object({
  refreshToken: z.string().min(1, 'must not be empty').max(200, 'is not a refresh token'),
});
export type RefreshRequest = z.infer<typeof refreshRequestSchema>;

export const meResponseSchema = z.object({ user: userSchema });

export const changePasswordRequestSchema = z.object({
  currentPassword: z
    .string()
    .min(1, 'must not be empty')
    .max(256, 'must be at most 256 characters'),
  newPassword: passwordSchema,
});
export type ChangePasswordRequest = z.input<typeof changePasswordRequestSchema>;

/** Redeems a one-time reset code from an admin: sets the password and signs in. */
export const redeemPasswordResetRequestSchema = z.object({
  token: oneTimeCodeSchema,
  password: passwordSchema,
});
export type RedeemPasswordResetRequest = z.input<typeof redeemPasswordResetRequestSchema>;

export const setAvatarRequestSchema = z.object({ avatarKey: objectKeySchema });
