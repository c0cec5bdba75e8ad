// Where objects live in the bucket. A presigned PUT never writes an image's own key: it writes
// the key's staging copy under incoming/, and registration copies that to the final key. So a
// URL that is replayed after registration or after a delete can never replace or re-create an
// image; at most it leaves a staging object behind, which the reconciler removes.

export const STAGING_PREFIX = 'incoming/';

/** Every prefix the app writes; nothing outside them is ever listed for deletion. */
export const APP_PREFIXES = ['users/', 'avatars/', STAGING_PREFIX] as const;

/** The staging key a presigned URL writes for the final key `key`. */
export function stagingKey(key: string): string {
  return `${STAGING_PREFIX}${key}`;
}

/** The final key of a staging key, or undefined when `key` is not one. */
export function finalKeyOf(key: string): string | undefined {
  return key.startsWith(STAGING_PREFIX) ? key.slice(STAGING_PREFIX.length) : undefined;
}
