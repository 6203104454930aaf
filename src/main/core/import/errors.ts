/**
 * A file the importer refuses: the message is one sentence a reporter can act on,
 * and nothing has been written when it is thrown (imports are all or nothing per file).
 */
export class ImportError extends Error {
  override name = 'ImportError';
  constructor(
    message: string,
    /** Machine-readable reason, for tests and the review screen. */
    readonly reason: ImportRefusal,
  ) {
    super(message);
  }
}

export type ImportRefusal =
  | 'too_large'
  | 'binary'
  | 'encoding'
  | 'empty'
  | 'unsupported'
  | 'zip_bomb'
  | 'corrupt'
  | 'folder';
