import { FileService, NotFoundError } from '@switchboard/core';
import { newTestService } from '@switchboard/testing';
import { EndUserTicketsService } from '@switchboard/tickets';
import { PortalFilesService } from './portal-files.service.js';

const WHO = { sessionId: 's', portalId: 'p', companyId: 'co', contactId: 'c1' };

describe('PortalFilesService', () => {
  it('stores an upload as the contact’s, in their company', async () => {
    const t = newTestService(PortalFilesService);
    t.fake(FileService).store.mockResolvedValue({ id: 'f' } as never);
    await t.sut.upload(WHO, { originalname: 'a.txt', mimetype: 'text/plain', buffer: Buffer.from('x') });
    expect(t.fake(FileService).store).toHaveBeenCalledWith(
      expect.objectContaining({ companyId: 'co', uploadedBy: { kind: 'contact', id: 'c1' } }),
    );
  });

  it('a file not on a public comment of the contact’s ticket is a 404, never opened', async () => {
    const t = newTestService(PortalFilesService);
    t.fake(EndUserTicketsService).attachment.mockRejectedValue(new NotFoundError('File', 'f'));
    await expect(t.sut.download(WHO, 1, 'f')).rejects.toBeInstanceOf(NotFoundError);
    expect(t.fake(FileService).openStream).not.toHaveBeenCalled();
  });
});
