import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as sea from 'node:sea';

export const PAGE_FILES = ['index.html', 'app.js', 'app.css', 'icon.png'] as const;
export type PageFile = (typeof PAGE_FILES)[number];

/** True inside the single executable (scripts/build-sea.mjs), where files come from its assets. */
export function inSingleExecutable(): boolean {
  try {
    return sea.isSea();
  } catch {
    return false;
  }
}

/**
 * The window's files (apps/agent/page): read from the executable's embedded assets when the
 * agent runs as a single executable, else from the package (src/desktop and dist/desktop are
 * both two levels below apps/agent).
 */
export function pageFile(name: PageFile): Buffer {
  if (inSingleExecutable()) return Buffer.from(sea.getAsset(`page/${name}`));
  return readFileSync(join(__dirname, '..', '..', 'page', name));
}
