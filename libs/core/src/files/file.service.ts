import { createHash } from 'node:crypto';
import { pipeline, Readable, Transform } from 'node:stream';
import { Injectable, Logger } from '@nestjs/common';
import type { AccountPrincipal } from '../access/principal.js';
import { DomainError } from '../errors/domain.error.js';
import { ForbiddenError } from '../errors/forbidden.error.js';
import { NotFoundError } from '../errors/not-found.error.js';
import { ValidationFailedError } from '../errors/validation-failed.error.js';
import { Clock } from '../clock/clock.js';
import { AccessPolicy } from '../identity/access-policy.service.js';
import { newId } from '../ids/id.js';
import { FileStorage } from './file-storage.port.js';
import { StoredFileEntity } from './stored-file.entity.js';
import { StoredFileRepository } from './stored-file.repository.js';
import { Tx } from '../database/tx.js';

/** Every upload, whatever it is for: one message's files together may not exceed this either. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

export interface FileView {
  id: string;
  name: string;
  contentType: string;
  size: number;
  sha256: string;
  companyId: string | null;
  attached: boolean;
  createdAt: string;
}

export interface StoreFileInput {
  data: Buffer;
  name: string;
  contentType?: string;
  companyId?: string | null;
  uploadedBy: { kind: 'account' | 'contact' | 'system'; id: string | null };
}

/** Content written to the storage (streamed), before its row exists. */
export interface WrittenContent {
  id: string;
  size: number;
  sha256: string;
}

/**
 * A file whose content is written but whose row is not yet: the caller inserts it with its owner
 * (`insertAttached`) in the transaction that creates the owner.
 */
export interface WrittenFile extends FileView {
  uploadedBy: StoreFileInput['uploadedBy'];
}

const toView = (f: StoredFileEntity): FileView => ({
  id: f.id,
  name: f.name,
  contentType: f.contentType,
  size: f.size,
  sha256: f.sha256,
  companyId: f.companyId,
  attached: f.ownerKind !== null,
  createdAt: new Date(f.createdAt).toISOString(),
});

/** Uploads and attachments through the storage port. Rows and contents are written so neither is left half-done. */
@Injectable()
export class FileService {
  private readonly logger = new Logger('Files');

  constructor(
    private readonly files: StoredFileRepository,
    private readonly storage: FileStorage,
    private readonly access: AccessPolicy,
    private readonly clock: Clock,
  ) {}

  /** Content and an unattached row (an upload, attached later by `attach`). */
  async store(input: StoreFileInput): Promise<FileView> {
    const file = this.row(await this.write(input), null);
    await this.files.insertWithoutReload(file);
    return toView(file);
  }

  /** Content only: the row follows with its owner (`insertAttached`), so it never exists unattached. */
  async write(input: StoreFileInput): Promise<WrittenFile> {
    if (input.data.length === 0) throw new ValidationFailedError('The file is empty', { file: ['must not be empty'] });
    if (input.data.length > MAX_FILE_BYTES) throw tooLarge();
    // Content first: a crash in between leaves an orphan object, never a row without content.
    // Already whole in memory: hashed and written at once, not through the upload's stream meter.
    const id = newId();
    try {
      await this.storage.writeBuffer(id, input.data);
    } catch (error) {
      await this.discard(id);
      throw error;
    }
    const sha256 = createHash('sha256').update(input.data).digest('hex');
    return this.described({ id, size: input.data.length, sha256 }, input);
  }

  /**
   * Streams content into the storage under a new id, counting and hashing on the way (never
   * the whole file in memory). Over 20 MB fails the stream; an empty file is removed again.
   */
  async writeStream(data: Readable): Promise<WrittenContent> {
    const id = newId();
    const hash = createHash('sha256');
    let size = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        if (size > MAX_FILE_BYTES) return done(tooLarge());
        hash.update(chunk);
        done(null, chunk);
      },
    });
    try {
      // The source's errors reach the storage through the meter.
      await this.storage.write(
        id,
        pipeline(data, meter, () => undefined),
      );
    } catch (error) {
      // Whatever a failed write may have left (a multipart upload completed just before the error).
      await this.discard(id);
      throw error;
    }
    if (size === 0) {
      await this.storage.remove(id);
      throw new ValidationFailedError('The file is empty', { file: ['must not be empty'] });
    }
    return { id, size, sha256: hash.digest('hex') };
  }

  /**
   * The row of a streamed upload (unattached), once the uploader may file it under the company;
   * otherwise the content is removed again.
   */
  async keepUpload(
    content: WrittenContent,
    meta: { name: string; contentType?: string; companyId?: string | null },
    uploader: AccountPrincipal,
  ): Promise<FileView> {
    try {
      if (meta.companyId) this.access.assertCompanyAccess(uploader, meta.companyId);
      const file = this.row(
        this.described(content, { ...meta, uploadedBy: { kind: 'account', id: uploader.id } }),
        null,
      );
      await this.files.insertWithoutReload(file);
      return toView(file);
    } catch (error) {
      await this.discard(content.id);
      throw error;
    }
  }

  /** Removes content that never got a row (a failed or refused upload). */
  async discard(id: string): Promise<void> {
    await this.storage
      .remove(id)
      .catch((error: unknown) =>
        this.logger.warn({ err: error, fileId: id }, 'Orphan file content left in the storage'),
      );
  }

  private described(
    content: WrittenContent,
    input: Pick<StoreFileInput, 'name' | 'contentType' | 'companyId' | 'uploadedBy'>,
  ): WrittenFile {
    return {
      id: content.id,
      name: sanitizeName(input.name),
      contentType: (input.contentType || 'application/octet-stream').slice(0, 255),
      size: content.size,
      sha256: content.sha256,
      companyId: input.companyId ?? null,
      attached: false,
      // Set here rather than by the column default, so the row needs no reload after the insert.
      createdAt: this.clock.now().toISOString(),
      uploadedBy: input.uploadedBy,
    };
  }

  /** The rows of files written in this request, attached to their owner (same transaction): no claim check needed. */
  async insertAttached(
    files: WrittenFile[],
    owner: { kind: string; id: string; companyId: string | null },
    tx: Tx,
  ): Promise<void> {
    await this.files.insertWithoutReload(
      files.map((f) => this.row({ ...f, companyId: owner.companyId }, owner)),
      tx,
    );
  }

  private row(f: WrittenFile, owner: { kind: string; id: string } | null): StoredFileEntity {
    return Object.assign(new StoredFileEntity(), {
      id: f.id,
      companyId: f.companyId,
      name: f.name,
      contentType: f.contentType,
      size: f.size,
      sha256: f.sha256,
      uploadedByKind: f.uploadedBy.kind,
      uploadedById: f.uploadedBy.id,
      ownerKind: owner?.kind ?? null,
      ownerId: owner?.id ?? null,
      createdAt: new Date(f.createdAt),
    });
  }

  /**
   * Files a message is about to reference: they must exist, be unattached, and have been
   * uploaded by the same person (nobody attaches someone else's upload).
   */
  async claimable(
    ids: string[],
    uploader: { kind: 'account' | 'contact' | 'system'; id: string | null },
  ): Promise<FileView[]> {
    const unique = [...new Set(ids)];
    const found = await this.files.findMany(unique);
    const problems: string[] = [];
    for (const id of unique) {
      const f = found.find((x) => x.id === id);
      if (!f) problems.push(`file ${id} does not exist`);
      else if (f.ownerKind) problems.push(`file ${id} is already attached elsewhere`);
      else if (f.uploadedByKind !== uploader.kind || f.uploadedById !== uploader.id)
        problems.push(`file ${id} was uploaded by someone else`);
    }
    if (problems.length)
      throw new ValidationFailedError('Some attachments cannot be used', { attachmentIds: problems });
    return unique.map((id) => toView(found.find((x) => x.id === id)!));
  }

  /** Within the transaction that creates the owner: all or nothing. */
  async attach(ids: string[], owner: { kind: string; id: string; companyId: string | null }, tx?: Tx): Promise<void> {
    const attached = await this.files.attach([...new Set(ids)], owner.kind, owner.id, owner.companyId, tx);
    if (attached !== new Set(ids).size)
      throw new ValidationFailedError('Some attachments were attached elsewhere meanwhile', {
        attachmentIds: ['retry with new uploads'],
      });
  }

  async get(id: string, viewer?: AccountPrincipal): Promise<FileView> {
    return toView(await this.load(id, viewer));
  }

  /** The whole content in memory (at most 20 MB): for mail attachments and masked text downloads. */
  async open(id: string, viewer?: AccountPrincipal): Promise<{ file: FileView; data: Buffer }> {
    const { file, data } = await this.openStream(id, viewer);
    return { file, data: Buffer.concat((await data.toArray()) as Buffer[]) };
  }

  /** The content as a stream from the storage; fails before the first byte when it is missing or the store is down. */
  async openStream(id: string, viewer?: AccountPrincipal): Promise<{ file: FileView; data: Readable }> {
    const file = await this.load(id, viewer);
    return { file: toView(file), data: await this.storage.read(file.id) };
  }

  /**
   * Deletes an unattached upload (attached files go with what they belong to), by its uploader
   * or an admin. The row goes first: a crash in between leaves an orphan object, never a row
   * whose content is gone.
   */
  async remove(id: string, viewer: AccountPrincipal): Promise<void> {
    const file = await this.load(id, viewer);
    if (viewer.role !== 'admin' && !(file.uploadedByKind === 'account' && file.uploadedById === viewer.id))
      throw new ForbiddenError('Only the uploader or an admin can delete a file');
    if (!(await this.files.deleteUnattached(id)))
      throw new DomainError('FILE_ATTACHED', 'The file is attached; it is deleted with what it belongs to', 409);
    await this.discard(id);
  }

  /** The files attached to one owner, oldest first. */
  async ownedBy(ownerKind: string, ownerId: string): Promise<FileView[]> {
    const rows = await this.files.findByOwner(ownerKind, [ownerId]);
    return rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()).map(toView);
  }

  /** Deletes one attached file of this owner (false: no such file there), row then content. */
  async removeOwned(ownerKind: string, ownerId: string, id: string): Promise<boolean> {
    const row = (await this.files.findByOwner(ownerKind, [ownerId])).find((r) => r.id === id);
    if (!row) return false;
    await this.files.deleteMany([row.id]);
    await this.discard(row.id);
    return true;
  }

  /** Deletes the files of deleted owners (e.g. a purged conversation's), rows then contents. */
  async removeOwnedBy(ownerKind: string, ownerIds: string[]): Promise<number> {
    const rows = await this.files.findByOwner(ownerKind, ownerIds);
    if (!rows.length) return 0;
    await this.files.deleteMany(rows.map((r) => r.id));
    for (const r of rows) await this.discard(r.id);
    return rows.length;
  }

  private async load(id: string, viewer?: AccountPrincipal): Promise<StoredFileEntity> {
    const file = await this.files.findById(id);
    const allowed =
      !viewer || !file
        ? true
        : file.companyId
          ? this.access.canAccessCompany(viewer, file.companyId)
          : file.uploadedByKind === 'account' && (file.uploadedById === viewer.id || viewer.role === 'admin');
    if (!file || !allowed) throw new NotFoundError('File', id);
    return file;
  }
}

function tooLarge(): DomainError {
  return new DomainError('PAYLOAD_TOO_LARGE', 'A file may be at most 20 MB', 413);
}

/** No paths, no control characters, bounded length: names end up in headers and on disk listings. */
export function sanitizeName(name: string): string {
  const base = (name || 'file')
    .toWellFormed()
    .split(/[\\/]/)
    .pop()!
    // eslint-disable-next-line no-control-regex -- stripping control characters is the point
    .replace(/[\u0000-\u001f\u007f"]/g, '')
    .trim();
  // By code points: a cut through a surrogate pair would leave invalid text.
  return Array.from(base || 'file')
    .slice(0, 255)
    .join('');
}
