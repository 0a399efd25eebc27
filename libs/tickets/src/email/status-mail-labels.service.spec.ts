import { newTestService } from '@switchboard/testing';
import { TicketStatusRepository } from '../repositories/ticket-status.repository.js';
import { StatusMailLabels } from './status-mail-labels.service.js';

const ticket = { number: 7, title: 'Printer', status: 'waiting_parts', previousStatus: 'open' };

describe('StatusMailLabels', () => {
  it('names the statuses of a French mail by their French labels, the others as they are', async () => {
    const { sut, fake } = newTestService(StatusMailLabels);
    fake(TicketStatusRepository).all.mockResolvedValue([
      { key: 'open', nameFr: null },
      { key: 'waiting_parts', nameFr: 'En attente de pièces' },
    ] as never);
    expect(await sut.localize(ticket, 'fr')).toEqual({ ...ticket, status: 'En attente de pièces' });
  });

  it('leaves an English mail alone without reading the statuses', async () => {
    const { sut, fake } = newTestService(StatusMailLabels);
    expect(await sut.localize(ticket, 'en')).toBe(ticket);
    expect(fake(TicketStatusRepository).all).not.toHaveBeenCalled();
  });
});
