import { IMAGE_EXTENSIONS } from '../../../../shared/bridge';

/** The image types the page's file chooser offers: the desktop chooser's extensions and their MIME types. */
export const IMAGE_ACCEPT = ['image/jpeg', 'image/png', 'image/webp', 'image/avif', 'image/heic', 'image/heif', ...IMAGE_EXTENSIONS.map((e) => `.${e}`)].join(',');

/**
 * Ask the user for image files: the desktop app's own file chooser (which, unlike
 * a page's, also opens from a menu command), else a hidden file input. Resolves
 * with the chosen files, or an empty list when the dialog was cancelled.
 */
export async function pickImageFiles(options: { multiple: boolean; title: string }): Promise<File[]> {
  const bridge = window.newsroom;
  if (bridge?.chooseImageFiles) {
    const chosen = await bridge.chooseImageFiles({ title: options.title });
    return (options.multiple ? chosen : chosen.slice(0, 1)).map((f) => new File([f.data as Uint8Array<ArrayBuffer>], f.name));
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
