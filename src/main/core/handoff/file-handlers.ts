import { isAbsolute } from 'node:path';
import { ApiError } from '../../../shared/api';
import type { Handlers } from '../api/handlers';
import type { Core } from '../core';
import { HandoffError } from './format';
import { packArticleToFile, unpackFile } from './index';

type PackageFileHandlers = Pick<Handlers, 'packArticleToFile' | 'unpackPackageFile'>;

function absolute(call: string, file: string): string {
  if (!isAbsolute(file)) throw new ApiError('invalid_input', `${call}: file must be an absolute path, not "${file.slice(0, 200)}".`);
  return file;
}

/** The package calls that write and read files by path (the CLI's pack and unpack). */
export function createPackageFileHandlers(core: Core): PackageFileHandlers {
  return {
    packArticleToFile: async ({ id, file, purpose, includePrivateMetadata }) => {
      const path = absolute('packArticleToFile', file);
      core.articles.get(id); // a clear "no such article" first
      let built;
      try {
        built = await packArticleToFile(core, id, path, purpose, { includePrivateMetadata });
      } catch (err) {
        if (err instanceof HandoffError) throw new ApiError('forbidden', `The package was not written: ${err.message}.`);
        throw err;
      }
      const { sender, senderKey, entries } = built.manifest;
      return {
        file: built.path,
        bytes: built.bytes.length,
        entries: entries.length,
        sender: { displayName: sender.displayName, role: sender.role },
        senderKey: senderKey ?? null,
        missingMedia: built.missingMedia,
      };
    },
    unpackPackageFile: async ({ file }) => {
      try {
        return await unpackFile(core, absolute('unpackPackageFile', file));
      } catch (err) {
        if (err instanceof HandoffError) throw new ApiError('invalid_input', `${file}: refused, nothing was changed: ${err.message}`);
        throw err;
      }
    },
  };
}
