import { newTestService } from '@switchboard/testing';
import { TicketStatusRepository } from '../repositories/ticket-status.repository.js';
import { StatusMailLabels, statusMailLabel } from './status-mail-labels.service.js';

const ticket = { number: 7, title: 'Printer', status: 'waiting_parts', previousStatus: 'open' };
const rows = [
  { key: 'open', name: 'Open', nameFr: null },
  { key: 'waiting_parts', name: 'Waiting for parts', nameFr: 'En attente de pièces' },
];

describe('StatusMailLabels', () => {
  it('names the statuses of a French mail by their French labels, a built-in without one by its built-in label', async () => {
    const { sut, fake } = newTestService(StatusMailLabels);
    fake(TicketStatusRepository).all.mockResolvedValue(rows as never);
    expect(await sut.localize(ticket, 'fr')).toEqual({
      ...ticket,
      status: 'En attente de pièces',
      previousStatus: 'Ouvert',
    });
  });

  it('names the statuses of an English mail by their names, never their keys', async () => {
    const { sut, fake } = newTestService(StatusMailLabels);
    fake(TicketStatusRepository).all.mockResolvedValue(rows as never);
    expect(await sut.localize(ticket, 'en')).toEqual({
      ...ticket,
      status: 'Waiting for parts',
      previousStatus: 'Open',
    });
  });

  it('leaves a mail without a ticket alone without reading the statuses', async () => {
    const { sut, fake } = newTestService(StatusMailLabels);
    const none = { number: 0, title: '', status: '' };
    expect(await sut.localize(none, 'fr')).toBe(none);
    expect(fake(TicketStatusRepository).all).not.toHaveBeenCalled();
  });
});

describe('statusMailLabel', () => {
  it('keeps the name of a renamed built-in status in French when it has no French label', () => {
    expect(statusMailLabel('pending', { key: 'pending', name: 'Waiting for you', nameFr: null }, 'fr')).toBe(
      'Waiting for you',
    );
  });

  it('falls back to the built-in label of a status no longer stored, the key only for a custom one', () => {
    expect(statusMailLabel('closed', undefined, 'fr')).toBe('Fermé');
    expect(statusMailLabel('closed', undefined, 'en')).toBe('Closed');
    expect(statusMailLabel('gone', undefined, 'fr')).toBe('gone');
  });
});
