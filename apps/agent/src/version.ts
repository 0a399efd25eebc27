/** Kept in step with package.json (a spec checks it): the single executable has no package.json to read. */
export const VERSION = '1.1.0';
