// Column types differ between SQLite and PostgreSQL; the driver is fixed per process, chosen from
// the environment before entities load, so entity metadata (and generated migrations) match it.
import { usesPostgres } from '../config/database-url.js';

const postgres = usesPostgres();

export const DATE_COLUMN = { type: (postgres ? 'timestamptz' : 'datetime') as 'timestamptz' | 'datetime' };
export const JSON_COLUMN = { type: (postgres ? 'jsonb' : 'simple-json') as 'jsonb' | 'simple-json' };
