import { AccountService, ContactService, SettingsService } from '@switchboard/core';
import { AddContactCommentService, ContactAuthorService, TicketCommentQueryService } from '@switchboard/tickets';
import { createTestApp, nextEvent, TestApp } from '@switchboard/testing';
import { bearer, createTicket, eventually, outbox, seedCompany } from './tickets.helper';

describe('ticket conversation', () => {
  let t: TestApp;
  let acme: Awaited<ReturnType<typeof seedCompany>>;
  // The end-user side of the conversation as the channels use it: the sender resolved, then the comment.
  let comments: {
    listForEndUser: TicketCommentQueryService['listForEndUser'];
    addFromContact: (
      input: Omit<Parameters<AddContactCommentService['add']>[0], 'author'> & { contactId: string },
    ) => ReturnType<AddContactCommentService['add']>;
  };

  beforeAll(async () => {
    t = await createTestApp();
    acme = await seedCompany(t, 'Conversation Inc', 'melissa@conversation.example');
    comments = {
      listForEndUser: (number, query) => t.get(TicketCommentQueryService).listForEndUser(number, query),
      addFromContact: async ({ contactId, ...input }) =>
        t.get(AddContactCommentService).add({ ...input, author: await t.get(ContactAuthorService).resolve(contactId) }),
    };
  });
  afterAll(() => t.close());

  it('a public reply emails the requester and Cc with threading headers; status on send; activity status follows', async () => {
    const colleague = await t
      .get(ContactService)
      .create({ companyId: acme.company.id, firstName: 'Bob', lastName: 'Cc', email: 'bob@conversation.example' });
    const ticket = await createTicket(t, acme.contact.id, { title: 'VPN down' });
    const h = bearer(t.technicianToken);
    const first = await t
      .http()
      .post(`/api/tickets/${ticket.number}/comments`)
      .set(h)
      .send({
        body: 'We are on it.',
        visibility: 'public',
        status: 'pending',
        cc: [{ kind: 'contact', id: colleague.id }],
      })
      .expect(201);
    expect(first.body).toMatchObject({
      visibility: 'public',
      author: { kind: 'account', id: t.technician.id },
      source: 'web',
      truncated: false,
    });
    const after = await t.http().get(`/api/tickets/${ticket.number}`).set(h).expect(200);
    expect(after.body).toMatchObject({ status: 'pending', activityStatus: 'waiting_for_contact' });
    expect(after.body.cc).toEqual([
      expect.objectContaining({ kind: 'contact', id: colleague.id, email: 'bob@conversation.example' }),
    ]);

    await t
      .http()
      .post(`/api/tickets/${ticket.number}/comments`)
      .set(h)
      .send({ body: 'Fixed, please check.', visibility: 'public' })
      .expect(201);
    const mails = (await outbox(t)).filter((m) => m.subject.startsWith(`[#${ticket.number}]`));
    expect(mails).toHaveLength(2);
    const [second, firstMail] = mails; // newest first
    expect(firstMail).toMatchObject({
      to: ['melissa@conversation.example'],
      cc: ['bob@conversation.example'],
      subject: `[#${ticket.number}] VPN down`,
    });
    expect(firstMail.text).toContain('We are on it.');
    expect(firstMail.html).toContain('We are on it.');
    expect(firstMail.headers['Message-ID']).toMatch(
      new RegExp(`^<ticket-${ticket.number}\\.[0-9a-f-]+@switchboard\\.local>$`),
    );
    expect(firstMail.headers['In-Reply-To']).toBeUndefined();
    expect(second.headers['In-Reply-To']).toBe(firstMail.headers['Message-ID']);
    expect(second.headers['References']).toBe(firstMail.headers['Message-ID']);
    // A status change without a reply is explicit and logged.
    const activity = await t.http().get(`/api/tickets/${ticket.number}/activity`).set(h).expect(200);
    expect(activity.body.items.map((a: { action: string }) => a.action)).toEqual([
      'created',
      'status',
      'cc',
      'comment',
      'comment',
    ]);
  });

  it('internal notes never reach an end-user email or view; @notify reaches the colleague live and by email', async () => {
    const ticket = await createTicket(t, acme.contact.id, { title: 'Secret stuff' });
    const adminSocket = await t.socket('/agent', { token: t.adminToken });
    const live = nextEvent<{ id: string; title: string; body: string; link: string }>(adminSocket, 'notification');
    const h = bearer(t.technicianToken);
    const note = await t
      .http()
      .post(`/api/tickets/${ticket.number}/comments`)
      .set(h)
      .send({ body: 'INTERNAL-ONLY root password is hunter2', visibility: 'internal', notify: [t.admin.id] })
      .expect(201);
    expect(note.body).toMatchObject({ visibility: 'internal', notify: [{ id: t.admin.id, name: 'Test Admin' }] });
    const pushed = await live;
    expect(pushed).toMatchObject({
      title: expect.stringContaining(`#${ticket.number}`),
      link: `/tickets/${ticket.number}`,
    });
    const listed = await t.http().get('/api/notifications').set(bearer(t.adminToken)).expect(200);
    expect(listed.body.items[0]).toMatchObject({ id: pushed.id, read: false });
    expect(listed.body.unread).toBeGreaterThan(0);
    await t.http().post(`/api/notifications/${pushed.id}/read`).set(bearer(t.adminToken)).expect(200);
    await t.http().post(`/api/notifications/${pushed.id}/read`).set(h).expect(404);

    await t
      .http()
      .post(`/api/tickets/${ticket.number}/comments`)
      .set(h)
      .send({ body: 'Public answer', visibility: 'public' })
      .expect(201);
    await t
      .http()
      .post(`/api/tickets/${ticket.number}/comments`)
      .set(h)
      .send({ body: 'x', visibility: 'public', notify: [t.admin.id] })
      .expect(400);

    await eventually(async () => {
      const mails = await outbox(t);
      expect(mails.some((m) => m.to.includes(t.admin.email) && m.text.includes('INTERNAL-ONLY'))).toBe(true);
    });
    const mails = await outbox(t);
    const endUserMails = mails.filter((m) => [...m.to, ...m.cc].some((a) => a.endsWith('@conversation.example')));
    expect(endUserMails.length).toBeGreaterThan(0);
    for (const m of endUserMails) {
      expect(`${m.subject}${m.text}${m.html}${JSON.stringify(m.headers)}`).not.toContain('INTERNAL-ONLY');
    }
    const endUserView = await comments.listForEndUser(ticket.number);
    expect(endUserView.items.map((c) => c.body)).toEqual(['Public answer']);
    adminSocket.close();
  });

  it('uses tickets.defaultReplyType when visibility is omitted', async () => {
    const ticket = await createTicket(t, acme.contact.id);
    const h = bearer(t.technicianToken);
    const pub = await t
      .http()
      .post(`/api/tickets/${ticket.number}/comments`)
      .set(h)
      .send({ body: 'default' })
      .expect(201);
    expect(pub.body.visibility).toBe('public');
    await t.get(SettingsService).set('tickets.defaultReplyType', 'internal', acme.company.id);
    const internal = await t
      .http()
      .post(`/api/tickets/${ticket.number}/comments`)
      .set(h)
      .send({ body: 'default again' })
      .expect(201);
    expect(internal.body.visibility).toBe('internal');
    await t.get(SettingsService).reset('tickets.defaultReplyType', acme.company.id);
  });

  it('an end-user reply does not change the status without a rule, and does with the seeded rule enabled', async () => {
    const ticket = await createTicket(t, acme.contact.id);
    const h = bearer(t.technicianToken);
    await t.http().patch(`/api/tickets/${ticket.number}`).set(h).send({ status: 'pending' }).expect(200);
    const reply = await comments.addFromContact({
      ticketNumber: ticket.number,
      contactId: acme.contact.id,
      body: 'Still broken',
      source: 'email',
    });
    expect(reply).toMatchObject({
      author: { kind: 'contact', id: acme.contact.id },
      source: 'email',
      visibility: 'public',
    });
    let now = await t.http().get(`/api/tickets/${ticket.number}/summary`).set(h).expect(200);
    expect(now.body).toMatchObject({ status: 'pending', activityStatus: 'unread' });

    const rules = await t.http().get('/api/automation-rules').set(bearer(t.adminToken)).expect(200);
    const seeded = rules.body.find((r: { systemKey: string }) => r.systemKey === 'reopen-on-contact-reply');
    expect(seeded).toMatchObject({
      enabled: false,
      trigger: 'comment.contact',
      conditions: { status: ['pending', 'resolved'] },
      actions: [{ type: 'set_status', status: 'open' }],
    });
    await t
      .http()
      .patch(`/api/automation-rules/${seeded.id}`)
      .set(bearer(t.adminToken))
      .send({ enabled: true })
      .expect(200);
    try {
      await comments.addFromContact({
        ticketNumber: ticket.number,
        contactId: acme.contact.id,
        body: 'Hello??',
        source: 'portal',
      });
      now = await t.http().get(`/api/tickets/${ticket.number}/summary`).set(h).expect(200);
      expect(now.body.status).toBe('open');
      const activity = await t.http().get(`/api/tickets/${ticket.number}/activity`).set(h).expect(200);
      const last = activity.body.items.slice(-3);
      expect(last.map((a: { action: string }) => a.action)).toEqual(['comment', 'automation', 'status']);
      expect(last[2]).toMatchObject({ from: 'pending', to: 'open', actor: { kind: 'automation', id: seeded.id } });
      // An open ticket does not match the rule's conditions: nothing happens.
      await comments.addFromContact({
        ticketNumber: ticket.number,
        contactId: acme.contact.id,
        body: 'again',
        source: 'portal',
      });
      const again = await t.http().get(`/api/tickets/${ticket.number}/activity`).set(h).expect(200);
      expect(again.body.items.filter((a: { action: string }) => a.action === 'automation')).toHaveLength(1);
    } finally {
      await t
        .http()
        .patch(`/api/automation-rules/${seeded.id}`)
        .set(bearer(t.adminToken))
        .send({ enabled: false })
        .expect(200);
    }
  });

  it('opening an unread ticket makes it waiting for technician', async () => {
    const ticket = await createTicket(t, acme.contact.id);
    await comments.addFromContact({
      ticketNumber: ticket.number,
      contactId: acme.contact.id,
      body: 'ping',
      source: 'email',
    });
    const list = await t
      .http()
      .get(`/api/tickets?requester=${acme.contact.id}&limit=200`)
      .set(bearer(t.technicianToken))
      .expect(200);
    expect(list.body.items.find((x: { number: number }) => x.number === ticket.number).activityStatus).toBe('unread');
    const opened = await t.http().get(`/api/tickets/${ticket.number}`).set(bearer(t.technicianToken)).expect(200);
    expect(opened.body.activityStatus).toBe('waiting_for_technician');
  });

  it('truncates end-user comments over 64K characters with an ellipsis and a flag; technicians get a 400', async () => {
    const ticket = await createTicket(t, acme.contact.id);
    const long = 'x'.repeat(70_000);
    const stored = await comments.addFromContact({
      ticketNumber: ticket.number,
      contactId: acme.contact.id,
      body: long,
      source: 'email',
    });
    expect(stored.truncated).toBe(true);
    expect(stored.body).toHaveLength(65_536);
    expect(stored.body.endsWith('x…')).toBe(true);
    const listed = await t
      .http()
      .get(`/api/tickets/${ticket.number}/comments`)
      .set(bearer(t.technicianToken))
      .expect(200);
    expect(listed.body.items[0]).toMatchObject({ truncated: true });
    expect(listed.body.items[0].body).toHaveLength(65_536);
    const exact = await comments.addFromContact({
      ticketNumber: ticket.number,
      contactId: acme.contact.id,
      body: 'y'.repeat(65_536),
      source: 'portal',
    });
    expect(exact.truncated).toBe(false);
    const tooLong = await t
      .http()
      .post(`/api/tickets/${ticket.number}/comments`)
      .set(bearer(t.technicianToken))
      .send({ body: long, visibility: 'public' })
      .expect(400);
    expect(tooLong.body.details.fieldErrors.body[0]).toContain('65536');
  });

  it('attaches uploaded files, refuses more than 20 MB per message, and serves them only to those with access', async () => {
    const ticket = await createTicket(t, acme.contact.id);
    const tech = bearer(t.technicianToken);
    const upload = async (name: string, bytes: number, token = t.technicianToken) =>
      (
        await t
          .http()
          .post('/api/files')
          .set(bearer(token))
          .attach('file', Buffer.alloc(bytes, 7), { filename: name, contentType: 'application/octet-stream' })
          .expect(201)
      ).body;

    const a = await upload('a.iso', 15 * 1024 * 1024);
    const b = await upload('b.iso', 6 * 1024 * 1024);
    expect(a).toMatchObject({ name: 'a.iso', size: 15 * 1024 * 1024, attached: false });
    const tooBig = await t
      .http()
      .post(`/api/tickets/${ticket.number}/comments`)
      .set(tech)
      .send({ body: 'files', visibility: 'internal', attachmentIds: [a.id, b.id] })
      .expect(400);
    expect(tooBig.body.details.fieldErrors.attachments[0]).toContain('20 MB');
    // Nothing half-written: no comment, the files are still free to use.
    const before = await t.http().get(`/api/tickets/${ticket.number}/comments`).set(tech).expect(200);
    expect(before.body.items.some((c: { body: string }) => c.body === 'files')).toBe(false);

    const ok = await t
      .http()
      .post(`/api/tickets/${ticket.number}/comments`)
      .set(tech)
      .send({ body: 'files', visibility: 'internal', attachmentIds: [a.id] })
      .expect(201);
    expect(ok.body.attachments).toEqual([
      { id: a.id, name: 'a.iso', size: 15 * 1024 * 1024, contentType: 'application/octet-stream' },
    ]);
    const content = await t
      .http()
      .get(`/api/files/${a.id}/content`)
      .set(tech)
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(content.headers['content-disposition']).toContain("attachment; filename*=UTF-8''a.iso");
    expect((content.body as Buffer).length).toBe(15 * 1024 * 1024);

    // A file attaches once; someone else's upload cannot be attached.
    const again = await t
      .http()
      .post(`/api/tickets/${ticket.number}/comments`)
      .set(tech)
      .send({ body: 'again', visibility: 'internal', attachmentIds: [a.id] })
      .expect(400);
    expect(again.body.details.fieldErrors.attachmentIds[0]).toContain('already attached');
    const adminsFile = await upload('admin.txt', 10, t.adminToken);
    const foreign = await t
      .http()
      .post(`/api/tickets/${ticket.number}/comments`)
      .set(tech)
      .send({ body: 'x', visibility: 'internal', attachmentIds: [adminsFile.id] })
      .expect(400);
    expect(foreign.body.details.fieldErrors.attachmentIds[0]).toContain('someone else');

    // Over 20 MB in one file: 413 at upload. No file: 400.
    await t
      .http()
      .post('/api/files')
      .set(tech)
      .attach('file', Buffer.alloc(20 * 1024 * 1024 + 1), 'huge.bin')
      .expect(413);
    await t.http().post('/api/files').set(tech).field('companyId', acme.company.id).expect(400);

    // Attached files follow the ticket's company: a technician without access gets 404.
    const outsider = await t.get(AccountService).create({
      name: 'Outsider',
      email: 'outsider@files.example',
      password: 'outsider-password-1',
      role: 'technician',
      allCompanies: false,
      companyIds: [],
    });
    await t
      .http()
      .get(`/api/files/${a.id}/content`)
      .set(bearer(t.tokenFor(outsider.id)))
      .expect(404);
    await t.http().get(`/api/files/${a.id}`).expect(401);
  });

  it('attributes a dual-role person as contact only when requester and not assignee', async () => {
    // Dana is a contact of Acme and a technician (same email, different case).
    const dana = await t
      .get(ContactService)
      .create({ companyId: acme.company.id, firstName: 'Dana', lastName: 'Dual', email: 'Dana@Conversation.example' });
    const danaAccount = await t.get(AccountService).create({
      name: 'Dana (tech)',
      email: 'dana@conversation.example',
      password: 'dana-password-1',
      role: 'technician',
    });
    const h = bearer(t.technicianToken);

    // 1) Requester, not assignee → the contact's (from email and from the web UI).
    const own = await createTicket(t, dana.id);
    const viaMail = await comments.addFromContact({
      ticketNumber: own.number,
      contactId: dana.id,
      body: 'my printer',
      source: 'email',
    });
    expect(viaMail.author).toMatchObject({ kind: 'contact', id: dana.id });
    const viaWeb = await t
      .http()
      .post(`/api/tickets/${own.number}/comments`)
      .set(bearer(t.tokenFor(danaAccount.id)))
      .send({ body: 'more details', visibility: 'public' })
      .expect(201);
    expect(viaWeb.body.author).toMatchObject({ kind: 'contact', id: dana.id });
    // Internal notes are always the technician's.
    const note = await t
      .http()
      .post(`/api/tickets/${own.number}/comments`)
      .set(bearer(t.tokenFor(danaAccount.id)))
      .send({ body: 'note', visibility: 'internal' })
      .expect(201);
    expect(note.body.author).toMatchObject({ kind: 'account', id: danaAccount.id });

    // 2) Requester and assignee → the technician's.
    await t.http().patch(`/api/tickets/${own.number}`).set(h).send({ assigneeId: danaAccount.id }).expect(200);
    const asAssignee = await comments.addFromContact({
      ticketNumber: own.number,
      contactId: dana.id,
      body: 'working on it',
      source: 'email',
    });
    expect(asAssignee.author).toMatchObject({ kind: 'account', id: danaAccount.id });
    const webAsAssignee = await t
      .http()
      .post(`/api/tickets/${own.number}/comments`)
      .set(bearer(t.tokenFor(danaAccount.id)))
      .send({ body: 'done', visibility: 'public' })
      .expect(201);
    expect(webAsAssignee.body.author).toMatchObject({ kind: 'account', id: danaAccount.id });

    // 3) Not the requester (someone else's ticket) → the technician's.
    const other = await createTicket(t, acme.contact.id);
    const onOther = await comments.addFromContact({
      ticketNumber: other.number,
      contactId: dana.id,
      body: 'I can help',
      source: 'email',
    });
    expect(onOther.author).toMatchObject({ kind: 'account', id: danaAccount.id });

    // A plain contact (no account) is always the contact.
    const plain = await comments.addFromContact({
      ticketNumber: other.number,
      contactId: acme.contact.id,
      body: 'thanks',
      source: 'email',
    });
    expect(plain.author).toMatchObject({ kind: 'contact', id: acme.contact.id });
  });
});
