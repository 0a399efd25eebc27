import { newTestService } from '@switchboard/testing';
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
  t.fake(FileStorage).write.mockImplementation(async () => void order.push('content'));
  t.fake(StoredFileRepository).insertWithoutReload.mockImplementation(async () => void order.push('row'));
  return { ...t, order };
}

describe('FileService (rows written without a reload or a read-back)', () => {
  it('store: content first, then one unattached row with the clock time; the view comes from what was written', async () => {
    const { sut, fake, order } = setup();
    const view = await sut.store({ ...input, companyId: 'co1' });
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
    expect(fake(FileStorage).write).toHaveBeenCalledWith(view.id, input.data);
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
});
