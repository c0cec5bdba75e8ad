// A real HTML5 file drop: the files' bytes are read in Node, turned into File objects inside the
// page, put in a DataTransfer and dispatched as dragenter/dragover/drop on the target, exactly
// the events a person's drop produces (Playwright cannot drag files from the OS).
import fs from 'node:fs/promises';
import type { JSHandle, Locator, Page } from '@playwright/test';
import type { TestImage } from './images';

export async function dataTransferWith(
  page: Page,
  files: readonly TestImage[],
): Promise<JSHandle<DataTransfer>> {
  const payload = await Promise.all(
    files.map(async (f) => ({
      name: f.name,
      type: f.mimeType,
      base64: (await fs.readFile(f.path)).toString('base64'),
    })),
  );
  return page.evaluateHandle((items) => {
    const transfer = new DataTransfer();
    for (const item of items) {
      const binary = atob(item.base64);
      const bytes = new Uint8Array(binary.length);
      for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
      transfer.items.add(new File([bytes], item.name, { type: item.type }));
    }
    return transfer;
  }, payload);
}

export async function dropFiles(target: Locator, files: readonly TestImage[]): Promise<void> {
  const dataTransfer = await dataTransferWith(target.page(), files);
  try {
    for (const type of ['dragenter', 'dragover', 'drop'] as const) {
      await target.dispatchEvent(type, { dataTransfer });
    }
  } finally {
    await dataTransfer.dispose();
  }
}
