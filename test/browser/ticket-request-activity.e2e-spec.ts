// Browser e2e for #15 defects 2 and 4 on the ticket page: an email ticket (over real SMTP) shows its
// first mail once, as the Request card with its file, and the count agrees; the Activity tab names the
// product family ("no product family" for none), the requesters (old → new) and the merged ticket
// (number + title), in English and in French. Requires the built web UI and Chromium.
import type { Browser, Page } from 'playwright-core';
import { ContactService } from '@switchboard/core';
import { BrowserPages, CHROMIUM_PATH, hasChromium, launchBrowser, waitForText } from './browser.helper';
import { bearer, bootEmailApp, type EmailApp, seedCompany, sendMail, ticketsOf } from '../email/email.helper';

jest.setTimeout(90_000);
const available = hasChromium();
if (!available) console.warn(`[ticket-request-activity.e2e] Skipping: Chromium not found at ${CHROMIUM_PATH}.`);
const suite = available ? describe : describe.skip;

suite('ticket page: one Request card, named activity (browser)', () => {
  let e: EmailApp;
  let browser: Browser;
  const pages = new BrowserPages(
    () => browser,
    () => e.t.baseUrl,
  );

  beforeAll(async () => {
    e = await bootEmailApp({ web: true });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await e?.close();
  });
  afterEach(async () => {
    expect(await pages.closeAll()).toEqual([]);
  });

  /** Signed in like BrowserPages.signedIn, in a given browser language. */
  async function signedIn(path: string, locale: string): Promise<Page> {
    const page = await pages.open({ locale });
    await page.goto(path);
    await page.getByTestId('login-email').fill(e.t.technician.email);
    await page.getByTestId('login-password').fill(e.t.technician.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('side-menu').waitFor();
    return page;
  }

  it('shows an email ticket first mail once, as the Request card with its file; the count follows replies', async () => {
    const { contact, domain } = await seedCompany(e.t);
    await sendMail(e.smtpPort, {
      from: `Melissa Jones <melissa@${domain}>`,
      subject: 'Badge reader broken',
      text: 'The badge reader at the door does not beep.',
      attachments: [{ filename: 'photo.pdf', content: '%PDF-1.4\n%%EOF\n', contentType: 'application/pdf' }],
    });
    const [ticket] = await ticketsOf(e.t, contact.id);
    const page = await pages.signedIn(e.t.technician, `/tickets/${ticket.number}`);
    await page.getByTestId('ticket-page').waitFor();
    await waitForText(page.getByTestId('tab-conversation'), 'Conversation (1)');
    const cards = page.getByTestId('comment-list').getByTestId('comment');
    expect(await cards.count()).toBe(1);
    const request = cards.first();
    expect(await request.locator('.tag').innerText()).toBe('Request');
    expect(await request.getByTestId('comment-body').innerText()).toBe('The badge reader at the door does not beep.');
    expect(await request.getByTestId('comment-attachment').innerText()).toContain('photo.pdf');
    expect(await request.getByTestId('comment-original').count()).toBe(1);
    // The text appears once on the page, not again as a reply.
    expect(await page.getByText('The badge reader at the door does not beep.').count()).toBe(1);

    await sendMail(e.smtpPort, {
      from: `melissa@${domain}`,
      subject: `Re: [#${ticket.number}] Badge reader broken`,
      text: 'It beeps now, but the door stays shut.',
    });
    await waitForText(page.getByTestId('comment-body').last(), 'It beeps now, but the door stays shut.');
    await waitForText(page.getByTestId('tab-conversation'), 'Conversation (2)');
    expect(await cards.count()).toBe(2);
    expect(await cards.nth(1).locator('.tag').count()).toBe(0);
  });

  it('the Activity tab names families, requesters and merged tickets (English and French)', async () => {
    const { company, contact } = await seedCompany(e.t);
    const omar = await e.t
      .get(ContactService)
      .create({ companyId: company.id, firstName: 'Omar', lastName: 'Diaz', email: `omar.${Date.now()}@x.example` });
    const http = e.t.http();
    const family = (
      await http
        .post('/api/product-families')
        .set(bearer(e.t.adminToken))
        .send({ name: `Badges ${Date.now()}` })
        .expect(201)
    ).body;
    const create = async (title: string) =>
      (
        await e.t
          .http()
          .post('/api/tickets')
          .set(bearer(e.t.technicianToken))
          .send({ title, description: 'x', requesterId: contact.id })
          .expect(201)
      ).body;
    const target = await create('Door locked');
    const source = await create('Door stays shut');
    const patch = (body: object) =>
      e.t.http().patch(`/api/tickets/${target.number}`).set(bearer(e.t.technicianToken)).send(body).expect(200);
    await patch({ productFamilyId: family.id });
    await patch({ productFamilyId: null });
    await patch({ requesterId: omar.id });
    await e.t
      .http()
      .post(`/api/tickets/${source.number}/merge`)
      .set(bearer(e.t.technicianToken))
      .send({ into: target.number })
      .expect(200);

    const read = async (locale: string) => {
      const page = await signedIn(`/tickets/${target.number}`, locale);
      await page.getByTestId('tab-activity').click();
      const list = page.getByTestId('activity-list');
      await list.waitFor();
      await list.locator('[data-action="merged_from"]').waitFor();
      return (await page.getByTestId('activity-item').allInnerTexts()).map((s) => s.replace(/\s+/g, ' '));
    };

    const en = await read('en-US');
    const has = (lines: string[], text: string) => expect(lines.some((l) => l.includes(text))).toBe(true);
    has(en, `changed the product family from no product family to ${family.name}`);
    has(en, `changed the product family from ${family.name} to no product family`);
    has(en, 'changed the requester from Melissa Jones to Omar Diaz');
    has(en, `merged #${source.number} “Door stays shut” into this ticket`);
    expect(en.join('\n')).not.toMatch(/none|[0-9a-f]{8}-[0-9a-f]{4}-/);
    // Only the merge line of the merged ticket: its own "created" stays on it.
    expect(en.filter((l) => l.includes('created the ticket'))).toHaveLength(1);

    const fr = await read('fr-FR');
    has(fr, `a changé la famille de produits de aucune famille de produits à ${family.name}`);
    has(fr, 'a changé le demandeur de Melissa Jones à Omar Diaz');
    has(fr, `a fusionné #${source.number} “Door stays shut” dans ce ticket`);
  });
});
