import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { FileStorage } from './file-storage.port.js';

/**
 * Files under `<SWITCHBOARD_DATA_DIR>/files/ab/cd/<key>`. Several instances need a shared
 * volume here (or another FileStorage). Written to a temp name then renamed: never half a file.
 */
@Injectable()
export class LocalDiskStorage extends FileStorage {
  private readonly root: string;

  constructor(config: AppConfig) {
    super();
    this.root = join(config.dataDir, 'files');
  }

  private path(key: string): string {
    if (!/^[A-Za-z0-9-]{8,}$/.test(key)) throw new Error(`invalid storage key ${key}`);
    return join(this.root, key.slice(-2), key.slice(-4, -2), key);
  }

  async write(key: string, data: Buffer): Promise<void> {
    const target = this.path(key);
    await mkdir(dirname(target), { recursive: true });
    const temp = `${target}.part`;
    await writeFile(temp, data);
    await rename(temp, target);
  }

  read(key: string): Promise<Buffer> {
    return readFile(this.path(key));
  }

  async remove(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }
}
