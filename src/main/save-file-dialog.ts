// The native "Save" dialog for "Download original": offers the image's own file name.
import { dialog, type BrowserWindow, type SaveDialogOptions } from 'electron';

export async function saveFileDialog(
  parent: BrowserWindow | undefined,
  suggestedName: string,
): Promise<string | null> {
  const options: SaveDialogOptions = { title: 'Save original', defaultPath: suggestedName };
  const result = parent
    ? await dialog.showSaveDialog(parent, options)
    : await dialog.showSaveDialog(options);
  return result.canceled || !result.filePath ? null : result.filePath;
}
