import { mkdir, open, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { NotFoundError } from '../errors/not-found.error.js';
import { FileStorage } from './file-storage.port.js';

/**
 * Files under `<SWITCHBOARD_DATA_DIR>/files/ab/cd/<key>`. Several instances need a shared
 * volume here (or S3 storage). Written to a temp name then renamed: never half a file.
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

  async write(key: string, data: Readable): Promise<void> {
    const target = this.path(key);
    const temp = `${target}.part`;
    // Opened before a byte is read, so a missing directory is made and the open retried with the
    // data untouched: no mkdir per file (a few syscalls on every inbound mail and upload).
    const handle = await open(temp, 'w').catch(async (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
      await mkdir(dirname(target), { recursive: true });
      return open(temp, 'w');
    });
    try {
      await pipeline(data, handle.createWriteStream());
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    await rename(temp, target);
  }

  /** Without the stream pipeline: one write of the whole buffer, then the same rename. */
  override async writeBuffer(key: string, data: Buffer): Promise<void> {
    const target = this.path(key);
    const temp = `${target}.part`;
    await writeFile(temp, data).catch(async (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
      await mkdir(dirname(target), { recursive: true });
      await writeFile(temp, data);
    });
    await rename(temp, target).catch(async (error: unknown) => {
      await rm(temp, { force: true });
      throw error;
    });
  }

  async read(key: string): Promise<Readable> {
    // Opened here, so a missing file fails before any response header is sent.
    const handle = await open(this.path(key), 'r').catch((error: NodeJS.ErrnoException) => {
      throw error.code === 'ENOENT' ? new NotFoundError('File content', key) : error;
    });
    return handle.createReadStream();
  }

  async remove(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }
}
