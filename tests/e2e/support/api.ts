// The backend's HTTP API, for facts the UI does not show in full (an image's storage keys)
// and for setting up accounts without the UI.
import type { Account } from './ui';

export interface StoredImage {
  id: string;
  filename: string;
  key: string;
  thumbnailKey: string | null;
  albumId: string | null;
  tags: string[];
}

async function call<T>(url: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(url, {
    ...init,
    headers: { 'content-type': 'application/json', ...init.headers },
  });
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${url}: ${response.status}`);
  return (await response.json()) as T;
}

export async function signUpViaApi(serverUrl: string, account: Account): Promise<void> {
  await call(`${serverUrl}/api/auth/signup`, { method: 'POST', body: JSON.stringify(account) });
}

/** Every image of the account, by file name: the gallery's, or with `trash` the Trash's. */
export async function imagesByName(
  serverUrl: string,
  account: Account,
  { trash = false } = {},
): Promise<Map<string, StoredImage>> {
  const { token } = await call<{ token: string }>(`${serverUrl}/api/auth/login`, {
    method: 'POST',
    body: JSON.stringify({ email: account.email, password: account.password }),
  });
  const byName = new Map<string, StoredImage>();
  let cursor: string | null = null;
  do {
    const query = new URLSearchParams({
      limit: '100',
      ...(trash ? { trash: 'true' } : {}),
      ...(cursor ? { cursor } : {}),
    });
    const page: { images: StoredImage[]; nextCursor: string | null } = await call(
      `${serverUrl}/api/images?${query}`,
      { headers: { authorization: `Bearer ${token}` } },
    );
    for (const image of page.images) byName.set(image.filename, image);
    cursor = page.nextCursor;
  } while (cursor);
  return byName;
}
