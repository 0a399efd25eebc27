import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { newTestService } from '@switchboard/testing';
import type { AccountPrincipal } from '../access/principal.js';
import { AccessPolicy } from '../identity/access-policy.service.js';
import { Clock } from '../clock/clock.js';
import { FakeClock } from '../clock/fake-clock.js';
import { FileStorage } from './file-storage.port.js';
import { FileService } from './file.service.js';
import { StoredFileEntity } from './stored-file.entity.js';
import { StoredFileRepository } from './stored-file.repository.js';

const NOW = Date.UTC(2026, 0, 1, 12, 0, 0);
const input = {
  data: Buffer.from('hello'),
  name: 'dir/../a"b.txt',
  uploadedBy: { kind: 'contact' as const, id: 'c1' },
};

function setup() {
  const t = newTestService(FileService, { types: [[Clock, new FakeClock(NOW)]] });
  const order: string[] = [];
  const written = new Map<string, Buffer>();
  // The storage consumes the stream, as the real ones do.
  t.fake(FileStorage).write.mockImplementation(async (key: string, data: Readable) => {
    written.set(key, Buffer.concat((await data.toArray()) as Buffer[]));
    order.push('content');
  });
  t.fake(FileStorage).writeBuffer.mockImplementation(async (key: string, data: Buffer) => {
    written.set(key, Buffer.from(data));
    order.push('content');
  });
  t.fake(FileStorage).remove.mockImplementation(async (key: string) => void written.delete(key));
  t.fake(StoredFileRepository).insertWithoutReload.mockImplementation(async () => void order.push('row'));
  return { ...t, order, written };
}

describe('FileService (rows written without a reload or a read-back)', () => {
  it('store: content first, then one unattached row with the clock time; the view comes from what was written', async () => {
    const { sut, fake, order, written } = setup();
    const view = await sut.store({ ...input, companyId: 'co1' });
    expect(written.get(view.id)).toEqual(input.data);
    expect(order).toEqual(['content', 'row']);
    const row = fake(StoredFileRepository).insertWithoutReload.mock.calls[0][0] as StoredFileEntity;
    expect(row).toBeInstanceOf(StoredFileEntity);
    expect(row).toMatchObject({
      id: view.id,
      name: 'ab.txt',
      contentType: 'application/octet-stream',
      size: 5,
      companyId: 'co1',
      uploadedByKind: 'contact',
      uploadedById: 'c1',
      ownerKind: null,
      ownerId: null,
      createdAt: new Date(NOW),
    });
    expect(view).toEqual({
      id: row.id,
      name: 'ab.txt',
      contentType: 'application/octet-stream',
      size: 5,
      sha256: row.sha256,
      companyId: 'co1',
      attached: false,
      createdAt: new Date(NOW).toISOString(),
    });
    // Already in memory: written whole, with the SHA-256 of exactly those bytes.
    expect(fake(FileStorage).writeBuffer).toHaveBeenCalledWith(view.id, input.data);
    expect(row.sha256).toBe(createHash('sha256').update(input.data).digest('hex'));
  });

  it('write: content only; insertAttached then inserts the rows with their owner and its company', async () => {
    const { sut, fake, order } = setup();
    const a = await sut.write(input);
    const b = await sut.write({ ...input, name: 'b.png', contentType: 'image/png', companyId: 'elsewhere' });
    expect(order).toEqual(['content', 'content']);
    expect(a.uploadedBy).toEqual({ kind: 'contact', id: 'c1' });

    await sut.insertAttached([a, b], { kind: 'ticket-comment', id: 'cm1', companyId: 'co1' }, 'tx' as never);
    const [rows, tx] = fake(StoredFileRepository).insertWithoutReload.mock.calls[0] as [StoredFileEntity[], unknown];
    expect(tx).toBe('tx');
    expect(rows.map((r) => [r.id, r.ownerKind, r.ownerId, r.companyId, r.contentType])).toEqual([
      [a.id, 'ticket-comment', 'cm1', 'co1', 'application/octet-stream'],
      [b.id, 'ticket-comment', 'cm1', 'co1', 'image/png'],
    ]);
    expect(rows[0].createdAt).toEqual(new Date(NOW));
  });

  it('refuses empty and oversized files before writing anything', async () => {
    const { sut, order } = setup();
    await expect(sut.write({ ...input, data: Buffer.alloc(0) })).rejects.toThrow('The file is empty');
    await expect(sut.store({ ...input, data: Buffer.alloc(20 * 1024 * 1024 + 1) })).rejects.toThrow('at most 20 MB');
    expect(order).toEqual([]);
  });

  it('writeStream: counts and hashes on the way; an empty stream is removed again; over 20 MB fails and leaves nothing', async () => {
    const { sut, written } = setup();
    const chunks = [Buffer.from('hel'), Buffer.from('lo')];
    const content = await sut.writeStream(Readable.from(chunks));
    expect(content).toEqual({
      id: expect.any(String),
      size: 5,
      sha256: createHash('sha256').update('hello').digest('hex'),
    });
    expect(written.get(content.id)).toEqual(Buffer.from('hello'));

    await expect(sut.writeStream(Readable.from([]))).rejects.toThrow('The file is empty');
    const huge = Array.from({ length: 21 }, () => Buffer.alloc(1024 * 1024));
    await expect(sut.writeStream(Readable.from(huge))).rejects.toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      status: 413,
    });
    expect([...written.keys()]).toEqual([content.id]);
  });

  const me = { id: 'a1', role: 'technician' } as AccountPrincipal;

  it('keepUpload: the row for the uploader; refused company access removes the content', async () => {
    const { sut, fake, written } = setup();
    const content = await sut.writeStream(Readable.from([Buffer.from('x')]));
    const view = await sut.keepUpload(content, { name: 'x.txt', contentType: 'text/plain' }, me);
    expect(view).toMatchObject({ id: content.id, name: 'x.txt', size: 1, attached: false, companyId: null });
    const row = fake(StoredFileRepository).insertWithoutReload.mock.calls[0][0] as StoredFileEntity;
    expect(row).toMatchObject({ uploadedByKind: 'account', uploadedById: 'a1', sha256: content.sha256 });

    const other = await sut.writeStream(Readable.from([Buffer.from('y')]));
    fake(AccessPolicy).assertCompanyAccess.mockImplementation(() => {
      throw new Error('no access');
    });
    await expect(sut.keepUpload(other, { name: 'y', companyId: 'co9' }, me)).rejects.toThrow('no access');
    expect(written.has(other.id)).toBe(false);
  });

  it('remove: unattached uploads of the viewer (or an admin), row first, then content', async () => {
    const { sut, fake } = setup();
    const row = Object.assign(new StoredFileEntity(), {
      id: 'f1',
      companyId: null,
      uploadedByKind: 'account',
      uploadedById: 'a1',
      ownerKind: null,
      createdAt: new Date(NOW),
    });
    fake(StoredFileRepository).findById.mockResolvedValue(row);
    fake(StoredFileRepository).deleteUnattached.mockResolvedValue(true);
    await sut.remove('f1', me);
    expect(fake(FileStorage).remove).toHaveBeenCalledWith('f1');
    expect(fake(StoredFileRepository).deleteUnattached.mock.invocationCallOrder[0]).toBeLessThan(
      fake(FileStorage).remove.mock.invocationCallOrder[0],
    );

    fake(AccessPolicy).canAccessCompany.mockReturnValue(true);
    fake(StoredFileRepository).findById.mockResolvedValue({ ...row, companyId: 'co1', uploadedById: 'a2' });
    await expect(sut.remove('f1', me)).rejects.toMatchObject({ code: 'FORBIDDEN' });

    fake(StoredFileRepository).findById.mockResolvedValue(row);
    fake(StoredFileRepository).deleteUnattached.mockResolvedValue(false);
    await expect(sut.remove('f1', me)).rejects.toMatchObject({ code: 'FILE_ATTACHED', status: 409 });
    expect(fake(FileStorage).remove).toHaveBeenCalledTimes(1);
  });

  it('removeOwnedBy: every file of the deleted owners, rows then contents', async () => {
    const { sut, fake } = setup();
    fake(StoredFileRepository).findByOwner.mockResolvedValue([{ id: 'f1' }, { id: 'f2' }] as StoredFileEntity[]);
    fake(StoredFileRepository).deleteMany.mockResolvedValue(undefined);
    expect(await sut.removeOwnedBy('conversation', ['c1'])).toBe(2);
    expect(fake(StoredFileRepository).findByOwner).toHaveBeenCalledWith('conversation', ['c1']);
    expect(fake(StoredFileRepository).deleteMany).toHaveBeenCalledWith(['f1', 'f2']);
    expect(fake(FileStorage).remove.mock.calls).toEqual([['f1'], ['f2']]);
  });

  it('ownedBy: the files of one owner, oldest first', async () => {
    const { sut, fake } = setup();
    const row = (id: string, at: number) =>
      ({
        id,
        name: `${id}.webm`,
        contentType: 'video/webm',
        size: 1,
        sha256: 'x',
        companyId: 'co',
        ownerKind: 'k',
        createdAt: new Date(at),
      }) as StoredFileEntity;
    fake(StoredFileRepository).findByOwner.mockResolvedValue([row('f2', NOW + 1), row('f1', NOW)]);
    expect((await sut.ownedBy('k', 'o1')).map((f) => f.id)).toEqual(['f1', 'f2']);
    expect(fake(StoredFileRepository).findByOwner).toHaveBeenCalledWith('k', ['o1']);
  });

  it('removeOwned: one file of that owner only, row then content; false for a file elsewhere', async () => {
    const { sut, fake } = setup();
    fake(StoredFileRepository).findByOwner.mockResolvedValue([{ id: 'f1' }] as StoredFileEntity[]);
    fake(StoredFileRepository).deleteMany.mockResolvedValue(undefined);
    expect(await sut.removeOwned('k', 'o1', 'f9')).toBe(false);
    expect(fake(StoredFileRepository).deleteMany).not.toHaveBeenCalled();
    expect(await sut.removeOwned('k', 'o1', 'f1')).toBe(true);
    expect(fake(StoredFileRepository).deleteMany).toHaveBeenCalledWith(['f1']);
    expect(fake(FileStorage).remove.mock.calls).toEqual([['f1']]);
  });
});
