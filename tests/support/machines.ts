import { join } from 'node:path';
import { createCore, type Core } from '../../src/main/core/core';
import { tempDir } from './temp';

/** Several newsroom machines for hand-off tests: one temporary folder, one database per machine. */
export interface Machines {
  /** The shared temporary folder; machine `name` keeps its database at `<dir>/<name>.db`. */
  dir: string;
  /** Open (create on first use) the database of machine `name`. */
  open(name: string): Core;
  /** Close every machine still open and remove the folder. */
  cleanup(): void;
}

export function machines(prefix?: string): Machines {
  const { dir, cleanup } = tempDir(prefix);
  const cores: Core[] = [];
  return {
    dir,
    open(name) {
      const core = createCore({ databasePath: join(dir, `${name}.db`), host: 'browser' });
      cores.push(core);
      return core;
    },
    cleanup() {
      for (const core of cores) if (core.db.open) core.close();
      cleanup();
    },
  };
}
