// USER_QUOTA_BYTES: how much a member's images may take, checked when uploads are presigned.
// Counted: registered images (their stored size) plus image uploads presigned and not yet
// expired; thumbnails and profile images are not. Admins are not limited. Two presigns racing
// each other can pass together and overshoot by one batch; the next presign sees both.
import { CodedError } from '../../shared/errors';
import type { UserStorageRepo } from '../repos/user-storage-repo';

export interface QuotaCheck {
  /** Throws QUOTA_EXCEEDED when these files would take `ownerId` past the quota. */
  assertRoom(
    ownerId: string | null,
    files: ReadonlyArray<{ size: number; purpose: string }>,
  ): Promise<void>;
}

function formatBytes(bytes: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${bytes} bytes` : `${Number(value.toFixed(1))} ${units[unit]}`;
}

export class StorageQuota implements QuotaCheck {
  constructor(
    private readonly storage: UserStorageRepo,
    private readonly limitBytes: number | undefined,
  ) {}

  async assertRoom(
    ownerId: string | null,
    files: ReadonlyArray<{ size: number; purpose: string }>,
  ): Promise<void> {
    if (this.limitBytes === undefined || ownerId === null) return;
    const adding = files.filter((f) => f.purpose === 'image').reduce((sum, f) => sum + f.size, 0);
    if (adding === 0) return;
    const usage = await this.storage.usage(ownerId);
    if (!usage || usage.role === 'admin') return;
    const used = usage.storedBytes + usage.pendingBytes;
    if (used + adding <= this.limitBytes) return;
    const left = Math.max(0, this.limitBytes - used);
    throw new CodedError(
      'QUOTA_EXCEEDED',
      `This upload needs ${formatBytes(adding)}, but your account has ${formatBytes(left)} left: it uses ${formatBytes(used)} of its ${formatBytes(this.limitBytes)}. Delete some images, or ask an administrator for more space.`,
    );
  }
}
