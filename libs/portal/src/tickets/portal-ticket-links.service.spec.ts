import { AppConfig } from '@switchboard/core';
import { newTestService } from '@switchboard/testing';
import { TicketPortalLinks } from '@switchboard/tickets';
import { PortalRepository } from '../repositories/portal.repository.js';
import { PortalTicketLinks } from './portal-ticket-links.service.js';

describe('PortalTicketLinks', () => {
  function build(publicUrl: string | undefined, portal: Record<string, unknown> | null) {
    const config = Object.assign(new AppConfig(), { publicUrl });
    const t = newTestService(PortalTicketLinks, { types: [[AppConfig, config]] });
    t.fake(PortalRepository).findByCompany.mockResolvedValue(portal as never);
    return t;
  }

  it('links to the ticket in the company’s active portal under the public URL', async () => {
    const t = build('https://help.example/', { subdomain: 'acme', status: 'active' });
    await expect(t.sut.url('co', 42)).resolves.toBe('https://help.example/p/acme/tickets/42');
    t.fake(TicketPortalLinks).use.mockReturnValue(undefined);
    t.sut.onModuleInit();
    expect(t.fake(TicketPortalLinks).use).toHaveBeenCalled();
  });

  it('no public URL, no portal or an inactive one: no link', async () => {
    await expect(build(undefined, { subdomain: 'acme', status: 'active' }).sut.url('co', 1)).resolves.toBeNull();
    await expect(build('https://h.example', null).sut.url('co', 1)).resolves.toBeNull();
    await expect(
      build('https://h.example', { subdomain: 'a', status: 'inactive' }).sut.url('co', 1),
    ).resolves.toBeNull();
  });
});
