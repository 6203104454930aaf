/** Public surface of the Node core: what the Electron shell, the browser host and the CLI use. */
export { createCore, type Core, type CoreOptions } from './core';
export { resolveDatabasePath, defaultDataDir, APP_NAME } from './paths';
export { DatabaseOpenError, DamagedDatabaseError, NewerDatabaseError } from './db/errors';
