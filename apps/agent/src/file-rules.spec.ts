import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileProblem, MAX_FILE_BYTES } from './file-rules';
import { VERSION } from './version';

describe('agent file rules and version', () => {
  it("mirrors the server's chat file rules: the allowed types, at most 20 MB", () => {
    for (const ok of ['a.pdf', 'b.MP3', 'c.mp4', 'd.doc', 'e.docx', 'f.xls', 'g.xlsx', 'setup.msi'])
      expect(fileProblem(ok, 10)).toBeNull();
    for (const bad of ['notes.txt', 'run.exe', 'pdf', 'archive.zip']) expect(fileProblem(bad, 10)).toBe('type');
    expect(fileProblem('big.pdf', MAX_FILE_BYTES)).toBeNull();
    expect(fileProblem('big.pdf', MAX_FILE_BYTES + 1)).toBe('size');
  });

  it('the version matches package.json (the single executable cannot read it)', () => {
    expect(VERSION).toBe(JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')).version);
  });
});
