import type { ImportUpload } from '../../../../shared/import-api';

/** A file chosen or dropped, with its place inside a story folder (`folder/photo.jpg`) when it came in one. */
export interface PickedFile {
  file: File;
  /** Path relative to what was dropped or chosen; equals the name for a loose file. */
  path: string;
}

/** Largest file sent in one import call: the browser host takes 32 MB requests, base64 adds a third. */
export const MAX_UPLOAD_BYTES = 23 * 1024 * 1024;

/** Files the operating system leaves in folders. */
const SYSTEM_FILE = /(^|\/)(\.[^/]*|Thumbs\.db|desktop\.ini)$/i;

/** One thing to read: a loose file, or every file of one story folder. */
export interface ImportGroup {
  name: string;
  files: PickedFile[];
}

/** Group picked files: all files under the same top folder are one story; others stand alone. */
export function groupPicked(files: PickedFile[]): ImportGroup[] {
  const groups: ImportGroup[] = [];
  const folders = new Map<string, ImportGroup>();
  for (const f of files) {
    const parts = f.path.split('/').filter(Boolean);
    if (parts.length < 2) {
      groups.push({ name: f.file.name, files: [f] });
      continue;
    }
    if (SYSTEM_FILE.test(f.path)) continue;
    let group = folders.get(parts[0]!);
    if (!group) {
      group = { name: parts[0]!, files: [] };
      folders.set(parts[0]!, group);
      groups.push(group);
    }
    group.files.push(f);
  }
  return groups;
}

/** Files from an `<input type=file>` (with `webkitdirectory`, their relative paths). */
export function pickedFromInput(list: FileList | null): PickedFile[] {
  return [...(list ?? [])].map((file) => ({ file, path: file.webkitRelativePath || file.name }));
}

function readEntries(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => reader.readEntries(resolve, reject));
}

async function walk(entry: FileSystemEntry, prefix: string, out: PickedFile[]): Promise<void> {
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    out.push({ file, path: `${prefix}${entry.name}` });
    return;
  }
  if (!entry.isDirectory) return;
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  // readEntries returns the folder in batches; an empty batch means the end.
  for (let batch = await readEntries(reader); batch.length; batch = await readEntries(reader)) {
    for (const child of batch) await walk(child, `${prefix}${entry.name}/`, out);
  }
}

/** Files dropped on the window, folders walked (a dropped story folder keeps its files together). */
export async function pickedFromDrop(data: DataTransfer): Promise<PickedFile[]> {
  const entries = [...data.items].map((item) => (item.kind === 'file' ? item.webkitGetAsEntry?.() : null));
  if (entries.some((e) => e?.isDirectory)) {
    const out: PickedFile[] = [];
    for (const entry of entries) if (entry) await walk(entry, '', out);
    return out;
  }
  return [...data.files].map((file) => ({ file, path: file.name }));
}

/** The file's bytes as base64, read natively by the browser. */
function toBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/** The uploads of one group, or the first file that is too large to send. */
export async function toUploads(group: ImportGroup): Promise<{ uploads: ImportUpload[] } | { tooLarge: File }> {
  const total = group.files.reduce((n, f) => n + f.file.size, 0);
  const big = group.files.find((f) => f.file.size > MAX_UPLOAD_BYTES) ?? (total > MAX_UPLOAD_BYTES ? group.files[0] : undefined);
  if (big) return { tooLarge: big.file };
  const uploads: ImportUpload[] = [];
  for (const f of group.files) uploads.push({ name: f.file.name, path: f.path.includes('/') ? f.path : undefined, data: await toBase64(f.file) });
  return { uploads };
}
