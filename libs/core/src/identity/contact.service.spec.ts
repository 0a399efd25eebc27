import { newTestService } from '@switchboard/testing';
import { DomainEventBus } from '../events/domain-event-bus.service.js';
import { CompanyRepository } from './company.repository.js';
import { ContactEntity } from './contact.entity.js';
import { ContactRepository } from './contact.repository.js';
import { ContactService } from './contact.service.js';

const input = {
  companyId: 'co',
  firstName: ' Jane ',
  lastName: 'Doe',
  email: 'Jane@Example.com',
  language: 'fr' as const,
};
const row = (over: Partial<ContactEntity> = {}) =>
  Object.assign(new ContactEntity(), {
    id: 'c1',
    companyId: 'co',
    firstName: 'Jane',
    lastName: 'Doe',
    email: 'Jane@Example.com',
    emailKey: 'jane@example.com',
    phone: null,
    language: 'fr',
    createdAt: new Date(0),
    updatedAt: new Date(0),
    ...over,
  });

describe('ContactService.findOrCreate', () => {
  const setUp = () => {
    const { sut, fake } = newTestService(ContactService);
    fake(CompanyRepository).findById.mockResolvedValue({ id: 'co' } as never);
    fake(DomainEventBus).publish.mockResolvedValue(undefined as never);
    return { sut, fake };
  };

  it('returns the company contact with this address (case-insensitive), creating nothing', async () => {
    const { sut, fake } = setUp();
    fake(ContactRepository).findByEmail.mockResolvedValue(row());
    const { contact, created } = await sut.findOrCreate(input);
    expect(created).toBe(false);
    expect(contact.id).toBe('c1');
    expect(fake(ContactRepository).findByEmail).toHaveBeenCalledWith('co', 'jane@example.com');
    expect(fake(ContactRepository).insert).not.toHaveBeenCalled();
  });

  it('a new address: one lookup, the INSERT, the view from the row as written (no re-read)', async () => {
    const { sut, fake } = setUp();
    fake(ContactRepository).findByEmail.mockResolvedValue(null);
    // The INSERT fills the timestamps in (TypeORM's RETURNING), as the repository does.
    fake(ContactRepository).insert.mockImplementation(async (e: ContactEntity) =>
      Object.assign(e, { createdAt: new Date(1), updatedAt: new Date(1) }),
    );
    const { contact, created } = await sut.findOrCreate(input);
    expect(created).toBe(true);
    expect(contact).toMatchObject({ firstName: 'Jane', email: 'Jane@Example.com', language: 'fr' });
    expect(fake(ContactRepository).findByEmail).toHaveBeenCalledTimes(1);
    expect(fake(ContactRepository).findById).not.toHaveBeenCalled();
    expect(fake(DomainEventBus).publish).toHaveBeenCalledWith('contact.created', {
      contactId: contact.id,
      companyId: 'co',
    });
  });

  it('a concurrent create of the same address (unique index) resolves to the winner', async () => {
    const { sut, fake } = setUp();
    fake(ContactRepository)
      .findByEmail.mockResolvedValueOnce(null)
      .mockResolvedValueOnce(row({ id: 'winner' }));
    fake(ContactRepository).insert.mockRejectedValue(new Error('UNIQUE constraint failed: contacts.emailKey'));
    const { contact, created } = await sut.findOrCreate(input);
    expect({ id: contact.id, created }).toEqual({ id: 'winner', created: false });
  });

  it('an unknown company is a 400 naming it', async () => {
    const { sut, fake } = setUp();
    fake(ContactRepository).findByEmail.mockResolvedValue(null);
    fake(CompanyRepository).findById.mockResolvedValue(null);
    await expect(sut.findOrCreate(input)).rejects.toMatchObject({ message: 'Unknown company' });
    expect(fake(ContactRepository).insert).not.toHaveBeenCalled();
  });
});
