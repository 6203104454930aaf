/** The image types the file chooser offers (HEIC for iPhone photos; the core says clearly if it cannot decode one). */
export const IMAGE_ACCEPT = 'image/jpeg,image/png,image/webp,image/heic,image/heif,.jpg,.jpeg,.png,.webp,.heic,.heif';

/**
 * Ask the user for image files with a hidden file input (the browser host; in Electron
 * the same input opens the system's native file dialog). Resolves with the chosen
 * files, or an empty list when the dialog was cancelled.
 */
export function pickImageFiles(options: { multiple: boolean }): Promise<File[]> {
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
