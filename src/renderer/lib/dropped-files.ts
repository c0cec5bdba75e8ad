// Turns a drop or a picker's FileList into what the queue takes. In Electron every dropped
// File (folders included) has a real path; in the browser, folders are walked through the
// File System entries API and the files are staged by the bridge.
import { isOsLitter } from '../../shared/os-litter';

export interface PickedFile {
  file: File;
  /** "Trip/day 1/a.jpg" for files found inside a dropped or chosen folder. */
  relativePath?: string;
}

/** One dropped thing, captured synchronously: the DataTransfer is emptied after the event. */
export interface DroppedItem {
  file: File | null;
  /** A file or folder entry; null where the browser offers none (e.g. a scripted drop). */
  entry: FileSystemEntry | null;
}

export function captureDrop(data: DataTransfer): DroppedItem[] {
  const out: DroppedItem[] = [];
  for (const item of data.items ? [...data.items] : []) {
    if (item.kind !== 'file') continue;
    const entry = typeof item.webkitGetAsEntry === 'function' ? item.webkitGetAsEntry() : null;
    out.push({ file: item.getAsFile(), entry });
  }
  if (out.length === 0) for (const file of data.files) out.push({ file, entry: null });
  return out;
}

export function isFileDrag(data: DataTransfer | null): boolean {
  return Boolean(data && [...data.types].includes('Files'));
}

function readBatch(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => reader.readEntries(resolve, reject));
}

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

/** Walks an entry depth-first; readEntries answers in batches, so it is called until empty. */
export async function walkEntry(
  entry: FileSystemEntry,
  out: PickedFile[],
  prefix = '',
): Promise<void> {
  const relativePath = prefix ? `${prefix}/${entry.name}` : entry.name;
  if (entry.isFile) {
    const file = await fileOf(entry as FileSystemFileEntry).catch(() => undefined);
    if (file) out.push(prefix ? { file, relativePath } : { file });
    return;
  }
  if (!entry.isDirectory) return;
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  const children: FileSystemEntry[] = [];
  for (;;) {
    const batch = await readBatch(reader).catch(() => []);
    if (batch.length === 0) break;
    children.push(...batch);
  }
  children.sort((a, b) => a.name.localeCompare(b.name));
  for (const child of children) {
    if (!isOsLitter(child.name)) await walkEntry(child, out, relativePath);
  }
}

/** Browser: every file of a drop, with folder contents expanded. */
export async function expandDrop(items: readonly DroppedItem[]): Promise<PickedFile[]> {
  const out: PickedFile[] = [];
  for (const { file, entry } of items) {
    if (entry) await walkEntry(entry, out);
    else if (file) out.push({ file });
  }
  return out;
}

/** Files from <input type=file>, keeping a chosen folder's relative paths. */
export function fromFileList(list: FileList | readonly File[]): PickedFile[] {
  return (
    [...list]
      // A chosen folder's files carry their path inside it: litter folders drop their contents.
      .filter((file) => !(file.webkitRelativePath || file.name).split('/').some(isOsLitter))
      .map((file) =>
        file.webkitRelativePath ? { file, relativePath: file.webkitRelativePath } : { file },
      )
  );
}
