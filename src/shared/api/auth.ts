// Contracts for sign-up, login and the current user.
import { z } from 'zod';
import { objectKeySchema, idSchema } from './common';

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
export const usernameSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(64, 'must be at most 64 characters');

export const signupRequestSchema = z.object({
  email: emailSchema,
  password: passwordSchema,
  username: usernameSchema,
  avatarKey: objectKeySchema.optional(),
});
export type SignupRequest = z.input<typeof signupRequestSchema>;

export const loginRequestSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, 'must not be empty').max(256, 'must be at most 256 characters'),
});
export type LoginRequest = z.input<typeof loginRequestSchema>;

export const authResponseSchema = z.object({ token: z.string(), user: userSchema });
export type AuthResponse = z.infer<typeof authResponseSchema>;

export const meResponseSchema = z.object({ user: userSchema });
