import { IMAGE_EXTENSIONS, type ChosenFile } from '../../../../shared/bridge';

/** The image types the page's file chooser offers: the desktop chooser's extensions and their MIME types. */
export const IMAGE_ACCEPT = ['image/jpeg', 'image/png', 'image/webp', 'image/avif', 'image/heic', 'image/heif', ...IMAGE_EXTENSIONS.map((e) => `.${e}`)].join(',');

/** A photo to import: a file the page holds (a drop, a paste, the browser's chooser) or one the desktop chooser named. */
export type PickedImage = File | ChosenFile;

/**
 * Ask the user for image files: the desktop app's own file chooser (which, unlike
 * a page's, also opens from a menu command), else a hidden file input. Resolves
 * with the chosen files, or an empty list when the dialog was cancelled. The
 * desktop chooser gives names and paths, not bytes: the main process reads each
 * file when it is imported ({@link uploadImage}).
 */
export async function pickImageFiles(options: { multiple: boolean; title: string }): Promise<PickedImage[]> {
  const bridge = window.newsroom;
  if (bridge?.chooseImageFiles) {
    const chosen = await bridge.chooseImageFiles({ title: options.title });
    return options.multiple ? chosen : chosen.slice(0, 1);
  }
  return pickWithInput(options);
}

function pickWithInput(options: { multiple: boolean }): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = IMAGE_ACCEPT;
    input.multiple = options.multiple;
    input.hidden = true;
    input.dataset.testid = 'figure-file-input';
    let settled = false;
    const finish = (files: File[]) => {
      if (settled) return;
      settled = true;
      input.remove();
      resolve(files);
    };
    input.addEventListener('change', () => finish(Array.from(input.files ?? [])));
    input.addEventListener('cancel', () => finish([]));
    document.body.append(input);
    input.click();
  });
}
