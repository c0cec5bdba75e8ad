// Contracts for administrators managing people: accounts, roles, invites and password resets.
import { z } from 'zod';
import { idSchema, isoDateSchema } from './common';
import { emailSchema, roleSchema, signupModeSchema, userSchema } from './auth';

export const adminUserSchema = userSchema.extend({
  /** A disabled account's tokens and password do not work until an admin enables it. */
  disabled: z.boolean(),
  createdAt: isoDateSchema,
});
export type AdminUser = z.infer<typeof adminUserSchema>;

export const listUsersQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(200).optional(),
});
export type ListUsersQuery = z.input<typeof listUsersQuerySchema>;

export const listUsersResponseSchema = z.object({
  users: z.array(adminUserSchema),
  nextCursor: z.string().nullable(),
  /** So an admin's screen can say whether invites work on this server. */
  signupMode: signupModeSchema,
});
export type ListUsersResponse = z.infer<typeof listUsersResponseSchema>;

export const userIdParamsSchema = z.object({ id: idSchema });

export const updateUserRequestSchema = z
  .object({ role: roleSchema.optional(), disabled: z.boolean().optional() })
  .refine(
    (v) => v.role !== undefined || v.disabled !== undefined,
    'must change at least one of role, disabled',
  );
export type UpdateUserRequest = z.input<typeof updateUserRequestSchema>;

export const adminUserResponseSchema = z.object({ user: adminUserSchema });

export const createInviteRequestSchema = z.object({
  email: emailSchema,
  role: roleSchema.default('member'),
});
export type CreateInviteRequest = z.input<typeof createInviteRequestSchema>;

/** The code is shown once: the server keeps only its hash. */
export const inviteResponseSchema = z.object({
  token: z.string(),
  expiresAt: isoDateSchema,
  email: z.string(),
  role: roleSchema,
});
export type InviteResponse = z.infer<typeof inviteResponseSchema>;

/** A one-time reset code for another account; shown once, kept only as a hash. */
export const passwordResetResponseSchema = z.object({
  token: z.string(),
  expiresAt: isoDateSchema,
});
export type PasswordResetResponse = z.infer<typeof passwordResetResponseSchema>;
