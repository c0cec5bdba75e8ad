// What the OpenAPI document says about each operation besides its schemas: a stable
// operationId (generated clients name their functions after it), a summary, one tag, and who
// may call it.
export const TAGS = {
  health: 'Liveness and readiness probes',
  meta: 'What a client needs to know about this server before signing in',
  auth: 'Sign-up, sign-in, the signed-in user and their password and profile image',
  uploads: 'Presigned PUT URLs: the client uploads the bytes straight to the bucket',
  images: 'Registered images: register, list, read, edit, delete, signed GET URLs',
  albums: "Named groups of one user's images",
  admin: 'People, for administrators: accounts, roles, invites, password resets',
} as const;

export type Tag = keyof typeof TAGS;

/**
 * - bearer: a token from signup or login in `Authorization: Bearer <token>`.
 * - anonymous: no token needed (an empty list overrides any document-wide default).
 * - bearerOrAnonymous: works either way; what it may do depends on whether a token is sent
 *   (the empty requirement `{}` is OpenAPI's way to say "or none").
 */
export type Access = 'bearer' | 'anonymous' | 'bearerOrAnonymous';

const SECURITY: Record<Access, Array<Record<string, string[]>>> = {
  bearer: [{ bearerAuth: [] }],
  anonymous: [],
  bearerOrAnonymous: [{ bearerAuth: [] }, {}],
};

export function operation(meta: {
  /** camelCase and unique: generated SDKs name their functions after it. */
  id: string;
  summary: string;
  tag: Tag;
  access: Access;
  description?: string;
}) {
  return {
    operationId: meta.id,
    summary: meta.summary,
    ...(meta.description ? { description: meta.description } : {}),
    tags: [meta.tag],
    security: SECURITY[meta.access],
  };
}
