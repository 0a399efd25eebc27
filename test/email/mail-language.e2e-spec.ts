import {
  bearer,
  bootEmailApp,
  type EmailApp,
  eventually,
  outbox,
  seedCompany,
  sendMail,
  settleMail,
  ticketsOf,
} from './email.helper';

/**
 * Mails in the contact's language (#16): the contact's own, else their company's `locale.default`,
 * else English; a new sender's language comes from their first mail; each language has its own
 * admin-editable template.
 */
describe('mail languages', () => {
  let e: EmailApp;
  beforeAll(async () => {
    e = await bootEmailApp();
  });
  afterAll(() => e?.close());

  const admin = () => bearer(e.t.adminToken);
  const mailsTo = async (address: string) => (await outbox(e.t)).filter((m) => m.to.includes(address));
  const contactOf = async (id: string) =>
    (await e.t.http().get(`/api/contacts/${id}`).set(admin()).expect(200)).body as { language: string | null };

  it('writes to a French contact in French: acknowledgement, public reply and status change', async () => {
    const { contact, domain } = await seedCompany(e.t);
    await e.t.http().patch(`/api/contacts/${contact.id}`).set(admin()).send({ language: 'fr' }).expect(200);
    await sendMail(e.smtpPort, { from: `melissa@${domain}`, subject: 'Imprimante', text: 'Elle ne marche plus.' });
    const [ticket] = await ticketsOf(e.t, contact.id);
    await eventually(async () => expect((await mailsTo(`melissa@${domain}`)).length).toBe(1));
    const [ack] = await mailsTo(`melissa@${domain}`);
    expect(ack.text).toContain(`Nous avons bien reçu votre demande et ouvert le ticket n° ${ticket.number}`);
    expect(ack.html).toContain('Bonjour Melissa');

    await e.t
      .http()
      .post(`/api/tickets/${ticket.number}/comments`)
      .set(bearer(e.t.technicianToken))
      .send({ body: 'Nous regardons.', visibility: 'public' })
      .expect(201);
    const reply = (await mailsTo(`melissa@${domain}`)).find((m) => m.text.startsWith('Nous regardons.'))!;
    expect(reply.text).toContain('Répondez à ce message pour compléter le ticket.');

    await e.t
      .http()
      .patch(`/api/tickets/${ticket.number}`)
      .set(bearer(e.t.technicianToken))
      .send({ status: 'resolved' })
      .expect(200);
    await settleMail(e.t);
    const status = (await mailsTo(`melissa@${domain}`)).find((m) => m.subject.includes('désormais'))!;
    expect(status.text).toContain('Le statut de votre ticket');
    expect(status.text).not.toContain('The status of your ticket');
  });

  it('names the statuses of a French status mail by their French labels: built-in out of the box, a renamed one by its name', async () => {
    const { contact, domain } = await seedCompany(e.t);
    await e.t.http().patch(`/api/contacts/${contact.id}`).set(admin()).send({ language: 'fr' }).expect(200);
    // A new install seeds the French labels of the built-in statuses.
    const statuses = await e.t.http().get('/api/ticket-statuses').set(admin()).expect(200);
    expect(statuses.body.map((s: { key: string; nameFr: string }) => [s.key, s.nameFr])).toEqual([
      ['open', 'Ouvert'],
      ['pending', 'En attente'],
      ['resolved', 'Résolu'],
      ['closed', 'Fermé'],
    ]);
    await sendMail(e.smtpPort, { from: `melissa@${domain}`, subject: 'Écran', text: "L'écran clignote." });
    const [ticket] = await ticketsOf(e.t, contact.id);
    await eventually(async () => expect((await mailsTo(`melissa@${domain}`)).length).toBe(1));
    const setStatus = (status: string) =>
      e.t.http().patch(`/api/tickets/${ticket.number}`).set(bearer(e.t.technicianToken)).send({ status }).expect(200);
    await setStatus('resolved');
    await settleMail(e.t);
    const french = (await mailsTo(`melissa@${domain}`)).find((m) => m.subject.includes('désormais'))!;
    expect(french.subject).toContain('désormais Résolu');
    expect(french.text).toContain('est passé de Ouvert à Résolu');

    // Renamed, without a French label: the French mail names it as its admin typed it, never by its key.
    await e.t
      .http()
      .patch('/api/ticket-statuses/pending')
      .set(admin())
      .send({ name: 'Waiting for you', nameFr: null })
      .expect(200);
    try {
      await setStatus('pending');
      await settleMail(e.t);
      const renamed = (await mailsTo(`melissa@${domain}`)).find((m) => m.subject.includes('désormais Waiting'))!;
      expect(renamed.text).toContain('est passé de Résolu à Waiting for you');
    } finally {
      await e.t
        .http()
        .patch('/api/ticket-statuses/pending')
        .set(admin())
        .send({ name: 'Pending', nameFr: 'En attente' })
        .expect(200);
    }
  });

  it("learns a new sender's language from their first mail; unclear or other languages keep the company default", async () => {
    const { company, domain } = await seedCompany(e.t);
    await sendMail(e.smtpPort, {
      from: `jean@${domain}`,
      subject: 'Écran noir',
      text: "Bonjour, mon écran reste noir depuis ce matin et je ne peux plus travailler. Pouvez-vous m'aider ?",
    });
    await eventually(async () => expect((await mailsTo(`jean@${domain}`)).length).toBe(1));
    const [ack] = await mailsTo(`jean@${domain}`);
    expect(ack.text).toContain('Nous avons bien reçu votre demande');
    const contacts = await e.t.http().get(`/api/contacts?companyId=${company.id}&limit=50`).set(admin()).expect(200);
    const jean = (contacts.body.items as Array<{ id: string; email: string }>).find((c) =>
      c.email.startsWith('jean@'),
    )!;
    expect((await contactOf(jean.id)).language).toBe('fr');

    await sendMail(e.smtpPort, {
      from: `hans@${domain}`,
      subject: 'Drucker',
      text: 'Hallo, mein Drucker funktioniert seit heute Morgen nicht mehr. Können Sie helfen?',
    });
    await eventually(async () => expect((await mailsTo(`hans@${domain}`)).length).toBe(1));
    expect((await mailsTo(`hans@${domain}`))[0].text).toContain('We received your request');
  });

  it("uses the company's default language for a contact without one, and never overrides a known language", async () => {
    const { company, contact, domain } = await seedCompany(e.t);
    await e.t
      .http()
      .put('/api/settings/locale.default')
      .set(admin())
      .send({ value: 'fr', companyId: company.id })
      .expect(200);
    await sendMail(e.smtpPort, { from: `melissa@${domain}`, subject: 'ok', text: 'ok' });
    await eventually(async () => expect((await mailsTo(`melissa@${domain}`)).length).toBe(1));
    expect((await mailsTo(`melissa@${domain}`))[0].text).toContain('Nous avons bien reçu votre demande');
    expect((await contactOf(contact.id)).language).toBeNull();

    // An English contact of that French company: English, even when they write in French.
    await e.t.http().patch(`/api/contacts/${contact.id}`).set(admin()).send({ language: 'en' }).expect(200);
    await sendMail(e.smtpPort, {
      from: `melissa@${domain}`,
      subject: 'Encore',
      text: "Bonjour, l'imprimante du deuxième étage est encore en panne depuis hier soir.",
    });
    await eventually(async () => expect((await mailsTo(`melissa@${domain}`)).length).toBe(2));
    expect((await mailsTo(`melissa@${domain}`))[0].text).toContain('We received your request');
    expect((await contactOf(contact.id)).language).toBe('en');

    const bad = await e.t
      .http()
      .put('/api/settings/locale.default')
      .set(admin())
      .send({ value: 'de', companyId: company.id })
      .expect(400);
    expect(JSON.stringify(bad.body)).toContain('locale.default');
  });

  it('keeps one template per language: editing the French one leaves the English one alone', async () => {
    const list = await e.t.http().get('/api/email-templates?language=fr').set(admin()).expect(200);
    expect(list.body.map((t: { event: string }) => t.event)).toEqual([
      'ticket.acknowledgement',
      'ticket.reply',
      'ticket.status',
      'sender.rejected',
      'identity.code',
      'portal.sign-in',
    ]);
    expect(list.body.every((t: { language: string }) => t.language === 'fr')).toBe(true);
    await e.t.http().get('/api/email-templates?language=de').set(admin()).expect(400);
    await e.t.http().get('/api/email-templates?language=fr').set(bearer(e.t.technicianToken)).expect(403);
    // Placeholders are per mail: the identity code knows {{code}}, a ticket mail does not.
    const wrong = await e.t
      .http()
      .put('/api/email-templates/ticket.acknowledgement?language=fr')
      .set(admin())
      .send({ subject: 'Code {{code}}', text: 'x', html: 'x' })
      .expect(400);
    expect(JSON.stringify(wrong.body.details)).toContain('code');

    await e.t
      .http()
      .put('/api/email-templates/ticket.acknowledgement?language=fr')
      .set(admin())
      .send({ subject: 'Reçu : {{{ticket.title}}}', text: 'Merci {{{contact.firstName}}} !', html: '<p>Merci</p>' })
      .expect(200);
    try {
      const english = await e.t.http().get('/api/email-templates/ticket.acknowledgement').set(admin()).expect(200);
      expect(english.body).toMatchObject({ language: 'en', custom: false });
      const { contact, domain } = await seedCompany(e.t);
      await e.t.http().patch(`/api/contacts/${contact.id}`).set(admin()).send({ language: 'fr' }).expect(200);
      await sendMail(e.smtpPort, { from: `melissa@${domain}`, subject: 'Souris', text: 'Cassée.' });
      await eventually(async () => expect((await mailsTo(`melissa@${domain}`)).length).toBe(1));
      const [ack] = await mailsTo(`melissa@${domain}`);
      expect(ack.subject).toBe('Reçu : Souris');
      expect(ack.text).toMatch(/^Merci Melissa !/);
    } finally {
      const reset = await e.t
        .http()
        .delete('/api/email-templates/ticket.acknowledgement?language=fr')
        .set(admin())
        .expect(200);
      expect(reset.body).toMatchObject({ language: 'fr', custom: false });
    }
  });
});
