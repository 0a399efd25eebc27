import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  Clock,
  ContactService,
  DeviceService,
  DomainError,
  isLanguage,
  newId,
  type DevicePrincipal,
  type Language,
} from '@switchboard/core';
import { MailPort } from '@switchboard/notify';
import { EmailTemplateService, NO_TICKET } from '@switchboard/tickets';
import { IDENTITY_MAX_ATTEMPTS, IDENTITY_TOKEN_TTL_MS, IDENTITY_TOKENS_PER_WINDOW } from '../agent-chat.types.js';
import { IdentityTokenEntity } from '../entities/identity-token.entity.js';
import { IdentityTokenRepository } from '../repositories/identity-token.repository.js';

const hash = (token: string) => createHash('sha256').update(token.trim()).digest();

/**
 * "Who are you?" for a person chatting from a device they are not assigned to: full name and
 * email, then the 8-digit code mailed to that address. Codes are single use, expire after 15
 * minutes, allow 5 guesses, are compared in constant time (hash against hash), and at most 3
 * are mailed per device and per address within 15 minutes. On success the contact (found or
 * created in the device's company) becomes the device's contact.
 */
@Injectable()
export class IdentityConfirmationService {
  constructor(
    private readonly tokens: IdentityTokenRepository,
    private readonly devices: DeviceService,
    private readonly contacts: ContactService,
    private readonly mail: MailPort,
    private readonly clock: Clock,
    private readonly templates: EmailTemplateService,
  ) {}

  async start(
    principal: DevicePrincipal,
    input: { firstName: string; lastName: string; email: string; language?: Language },
  ): Promise<{ email: string; expiresAt: string }> {
    const device = await this.devices.get(principal.deviceId);
    const now = this.clock.now();
    const email = input.email.trim();
    const emailKey = email.toLowerCase();
    const since = new Date(now.getTime() - IDENTITY_TOKEN_TTL_MS);
    if (
      (await this.tokens.countSince({ deviceId: device.id }, since)) >= IDENTITY_TOKENS_PER_WINDOW ||
      (await this.tokens.countSince({ emailKey }, since)) >= IDENTITY_TOKENS_PER_WINDOW
    ) {
      throw new DomainError(
        'TOO_MANY_REQUESTS',
        'Too many confirmation codes were requested; wait 15 minutes and try again',
        429,
      );
    }
    const token = String(randomInt(0, 100_000_000)).padStart(8, '0');
    const expiresAt = new Date(now.getTime() + IDENTITY_TOKEN_TTL_MS);
    await this.tokens.retireOpen(device.id, now);
    await this.tokens.insert(
      Object.assign(new IdentityTokenEntity(), {
        id: newId(),
        deviceId: device.id,
        companyId: device.companyId,
        firstName: input.firstName.trim(),
        lastName: input.lastName.trim(),
        email,
        emailKey,
        tokenHash: hash(token).toString('hex'),
        language: input.language ?? null,
        attempts: 0,
        expiresAt,
        usedAt: null,
        createdAt: now,
      }),
    );
    const firstName = input.firstName.trim();
    const lastName = input.lastName.trim();
    // The agent's language, else the known contact's, else the company's default.
    const known = (await this.contacts.findAllByEmail(emailKey)).find((c) => c.companyId === device.companyId);
    const rendered = await this.templates.renderFor(
      'identity.code',
      {
        ticket: NO_TICKET,
        helpdesk: { address: '' },
        contact: { firstName, lastName, name: `${firstName} ${lastName}`.trim() },
        code: token,
        device: { name: device.name },
      },
      {
        contact: input.language ? { language: input.language, companyId: device.companyId } : known,
        companyId: device.companyId,
      },
    );
    await this.mail.send({ to: [email], cc: [], ...rendered, headers: { 'Auto-Submitted': 'auto-generated' } });
    return { email, expiresAt: expiresAt.toISOString() };
  }

  async confirm(
    principal: DevicePrincipal,
    code: string,
  ): Promise<{ contact: { id: string; name: string; email: string | null } }> {
    const invalid = () =>
      new DomainError('INVALID_TOKEN', 'This confirmation code is not valid or has expired; request a new one', 400);
    const row = await this.tokens.latestOpen(principal.deviceId);
    const now = this.clock.now();
    if (!row || new Date(row.expiresAt).getTime() <= now.getTime()) throw invalid();
    if (!(await this.tokens.countAttempt(row.id, IDENTITY_MAX_ATTEMPTS))) {
      throw new DomainError('TOO_MANY_ATTEMPTS', 'Too many wrong codes; request a new one', 429);
    }
    const matches = timingSafeEqual(hash(code), Buffer.from(row.tokenHash, 'hex'));
    if (!matches || !(await this.tokens.consume(row.id, now))) throw invalid();
    const { contact } = await this.contacts.findOrCreate({
      companyId: row.companyId,
      firstName: row.firstName,
      lastName: row.lastName,
      email: row.email,
      language: isLanguage(row.language) ? row.language : null,
    });
    await this.devices.update(principal.deviceId, { contactId: contact.id });
    return {
      contact: { id: contact.id, name: `${contact.firstName} ${contact.lastName}`.trim(), email: contact.email },
    };
  }
}
