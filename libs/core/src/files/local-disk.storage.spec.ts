import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { AppConfig } from '../config/app-config.js';
import { LocalDiskStorage } from './local-disk.storage.js';

const read = async (s: LocalDiskStorage, key: string) => {
  const chunks: Buffer[] = [];
  for await (const c of await s.read(key)) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString();
};

describe('LocalDiskStorage', () => {
  let dir: string;
  let storage: LocalDiskStorage;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sb-disk-'));
    storage = new LocalDiskStorage({ dataDir: dir } as AppConfig);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('makes the directory a first file needs, and writes into an existing one without leaving a temp file', async () => {
    await storage.write('0000000001-aaaa', Readable.from([Buffer.from('one')]));
    await storage.write('0000000002-aaaa', Readable.from([Buffer.from('two')]));
    expect(await read(storage, '0000000001-aaaa')).toBe('one');
    expect(await read(storage, '0000000002-aaaa')).toBe('two');
    expect(readdirSync(join(dir, 'files/aa/aa')).sort()).toEqual(['0000000001-aaaa', '0000000002-aaaa']);
  });

  it('a directory removed meanwhile (another instance, an admin) is made again, the content intact', async () => {
    await storage.write('0000000001-bbbb', Readable.from([Buffer.from('one')]));
    rmSync(join(dir, 'files'), { recursive: true, force: true });
    await storage.write('0000000002-bbbb', Readable.from([Buffer.from('second '), Buffer.from('file')]));
    expect(await read(storage, '0000000002-bbbb')).toBe('second file');
  });

  it('writeBuffer: the same file in one write, its directory made when missing, no temp file left', async () => {
    await storage.writeBuffer('0000000001-cccc', Buffer.from('whole'));
    rmSync(join(dir, 'files'), { recursive: true, force: true });
    await storage.writeBuffer('0000000002-cccc', Buffer.from('again'));
    await storage.writeBuffer('0000000003-cccc', Buffer.from('third'));
    expect(await read(storage, '0000000002-cccc')).toBe('again');
    expect(readdirSync(join(dir, 'files/cc/cc')).sort()).toEqual(['0000000002-cccc', '0000000003-cccc']);
  });

  it('a failing source leaves neither the file nor its temp file', async () => {
    const failing = new Readable({
      read() {
        this.destroy(new Error('source broke'));
      },
    });
    await expect(storage.write('0000000003-cccc', failing)).rejects.toThrow('source broke');
    expect(readdirSync(join(dir, 'files/cc/cc'))).toEqual([]);
  });
});
