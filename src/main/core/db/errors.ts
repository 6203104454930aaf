/** Failures opening or using the database, each naming the file so the user can act. */

export class DatabaseOpenError extends Error {
  override name = 'DatabaseOpenError';
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

/** The file is from a newer Newsroom: we refuse to touch it. */
export class NewerDatabaseError extends DatabaseOpenError {
  override name = 'NewerDatabaseError';
  constructor(path: string, readonly fileVersion: number, readonly appVersion: number) {
    super(
      path,
      `${path} was written by a newer Newsroom (database version ${fileVersion}; this app understands up to ${appVersion}). Update Newsroom to open it; the file was not changed.`,
    );
  }
}

/** The file is not a readable SQLite database. */
export class DamagedDatabaseError extends DatabaseOpenError {
  override name = 'DamagedDatabaseError';
}

/** The file is an SQLite database of another application (or not one Newsroom wrote): never migrated. */
export class ForeignDatabaseError extends DatabaseOpenError {
  override name = 'ForeignDatabaseError';
  constructor(path: string, reason: string) {
    super(path, `${path} is not a Newsroom database (${reason}); it was left as it is. Give --db the path of a Newsroom database, or a new file name to start one.`);
  }
}
