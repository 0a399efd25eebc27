import { AccountService, type AccountView, type ContactView, TechnicianDirectory } from '@switchboard/core';
import type { InboundMessage } from '@switchboard/plugin-sdk';
import { newTestService } from '@switchboard/testing';
import { EmailCcResolver } from './email-cc.service.js';
import { EmailSenders } from './email-sender.service.js';

const mail = (cc: InboundMessage['cc']): InboundMessage => ({
  externalId: '<m@a.example>',
  from: { address: 'ann@a.example' },
  text: 'hi',
  cc,
});

describe('EmailCcResolver', () => {
  it("technicians become account entries, others contacts of the ticket's company; ours, the sender and duplicates are skipped", async () => {
    const { sut, fake } = newTestService(EmailCcResolver);
    fake(AccountService).findByEmail.mockImplementation(async (address: string) =>
      address === 'tom@helpdesk.example' ? ({ id: 'a1', active: true } as AccountView) : null,
    );
    fake(EmailSenders).inCompany.mockImplementation(
      async (_companyId: string, address: string) => ({ id: `contact:${address}` }) as ContactView,
    );
    fake(TechnicianDirectory).serving.mockResolvedValue({ serving: [{ id: 'a1' }], refused: [] } as never);
    const entries = await sut.entries(
      mail([
        { address: 'Tom <TOM@helpdesk.example>' },
        { address: 'bob@b.example', name: 'Bob' },
        { address: 'bob@b.example' },
        { address: 'support@helpdesk.example' },
        { address: 'ann@a.example' },
        { address: 'not an address' },
        { address: 'req@b.example' },
      ]),
      new Set(['support@helpdesk.example']),
      'ann@a.example',
      'co1',
      ['contact:req@b.example'],
    );
    expect(entries).toEqual([
      { kind: 'account', id: 'a1' },
      { kind: 'contact', id: 'contact:bob@b.example' },
    ]);
    expect(fake(EmailSenders).inCompany).toHaveBeenCalledWith('co1', 'bob@b.example', 'Bob');
    expect(fake(EmailSenders).inCompany).toHaveBeenCalledWith('co1', 'req@b.example', 'req');
    expect(fake(AccountService).findByEmail).toHaveBeenCalledTimes(3);
  });

  it('an inactive technician is Cc-ed as a contact', async () => {
    const { sut, fake } = newTestService(EmailCcResolver);
    fake(AccountService).findByEmail.mockResolvedValue({ id: 'a1', active: false } as AccountView);
    fake(EmailSenders).inCompany.mockResolvedValue({ id: 'c9' } as ContactView);
    fake(TechnicianDirectory).serving.mockResolvedValue({
      serving: [],
      refused: [{ id: 'a1', message: 'account a1 (Old) is deactivated' }],
    });
    await expect(
      sut.entries(mail([{ address: 'old@helpdesk.example' }]), new Set(), 'x@a.example', 'co1', []),
    ).resolves.toEqual([{ kind: 'contact', id: 'c9' }]);
  });

  it("#13.6 a technician who does not serve the ticket's company is Cc-ed as a contact, not as the account", async () => {
    const { sut, fake } = newTestService(EmailCcResolver);
    fake(AccountService).findByEmail.mockResolvedValue({ id: 'g1', active: true } as AccountView);
    fake(EmailSenders).inCompany.mockResolvedValue({ id: 'c7' } as ContactView);
    fake(TechnicianDirectory).serving.mockResolvedValue({
      serving: [],
      refused: [{ id: 'g1', message: "account g1 (Gary) does not serve the ticket's company" }],
    });
    await expect(
      sut.entries(mail([{ address: 'gary@helpdesk.example' }]), new Set(), 'x@a.example', 'co1', []),
    ).resolves.toEqual([{ kind: 'contact', id: 'c7' }]);
    expect(fake(TechnicianDirectory).serving).toHaveBeenCalledWith('co1', ['g1']);
  });
});
