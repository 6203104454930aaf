import type { Migration } from './types';
import { migration as m0001 } from './0001-articles';
import { migration as m0002 } from './0002-revisions';
import { migration as m0003 } from './0003-search';
import { migration as m0004 } from './0004-list-index';
import { migration as m0005 } from './0005-media';
import { migration as m0006 } from './0006-export';
import { migration as m0007 } from './0007-imports';
import { migration as m0008 } from './0008-review';
import { migration as m0009 } from './0009-trust';
import { migration as m0010 } from './0010-desk-documents';
import { migration as m0011 } from './0011-dictionaries';
import { migration as m0012 } from './0012-search-facets';
import { migration as m0013 } from './0013-revision-refs';

/** Every migration, oldest first. Append; never edit one that has shipped. */
export const MIGRATIONS: readonly Migration[] = [m0001, m0002, m0003, m0004, m0005, m0006, m0007, m0008, m0009, m0010, m0011, m0012, m0013];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
export type { Migration };
