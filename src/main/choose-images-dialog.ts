// The native "Choose images" dialog: files or folders, several at once, images offered first.
import { dialog, type BrowserWindow, type OpenDialogOptions } from 'electron';

const IMAGE_EXTENSIONS = [
  'jpg',
  'jpeg',
  'png',
  'webp',
  'avif',
  'heic',
  'heif',
  'gif',
  'tif',
  'tiff',
];

export async function chooseImagesDialog(parent: BrowserWindow | undefined): Promise<string[]> {
  const options: OpenDialogOptions = {
    title: 'Choose images',
    properties: ['openFile', 'openDirectory', 'multiSelections'],
    filters: [{ name: 'Images', extensions: IMAGE_EXTENSIONS }],
  };
  const result = parent
    ? await dialog.showOpenDialog(parent, options)
    : await dialog.showOpenDialog(options);
  return result.canceled ? [] : result.filePaths;
}
