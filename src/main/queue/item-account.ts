// Which account a queued file belongs to, compared the way the keychain names accounts.
import { keychainAccount } from '../services/token-store';
import type { DurableItem, ItemAccount } from './durable-item';

export function accountKey(account: ItemAccount | null): string {
  return account ? keychainAccount(account.serverUrl, account.email) : '';
}

/**
 * May this file upload now? Files without an account go with whoever is signed in; a queue
 * that tracks no account (the CLI per run, tests) lets every file go.
 */
export function mayUpload(
  item: DurableItem,
  tracksAccounts: boolean,
  current: ItemAccount | undefined,
): boolean {
  if (!item.account || !tracksAccounts) return true;
  return current !== undefined && accountKey(item.account) === accountKey(current);
}

/** The email a file waits for while another account is signed in; null otherwise. */
export function heldForAccount(item: DurableItem, current: ItemAccount | undefined): string | null {
  if (!item.account || !current) return null;
  return accountKey(item.account) === accountKey(current) ? null : item.account.email;
}
