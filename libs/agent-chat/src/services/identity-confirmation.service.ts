import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Clock, ContactService, DeviceService, DomainError, newId, type DevicePrincipal } from '@switchboard/core';
import { MailPort } from '@switchboard/notify';
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
  ) {}

  async start(
    principal: DevicePrincipal,
    input: { firstName: string; lastName: string; email: string },
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
        attempts: 0,
        expiresAt,
        usedAt: null,
        createdAt: now,
      }),
    );
    const text = `Hello ${input.firstName.trim()},\n\nyour confirmation code for the helpdesk chat on ${device.name} is:\n\n    ${token}\n\nIt works once, for 15 minutes. If you did not ask for it, ignore this email.`;
    await this.mail.send({
      to: [email],
      cc: [],
      subject: `Your helpdesk chat confirmation code: ${token}`,
      text,
      html: `<p>Hello ${escape(input.firstName.trim())},</p><p>your confirmation code for the helpdesk chat on ${escape(device.name)} is:</p><p style="font-size:1.5em;letter-spacing:.2em"><strong>${token}</strong></p><p>It works once, for 15 minutes. If you did not ask for it, ignore this email.</p>`,
      headers: { 'Auto-Submitted': 'auto-generated' },
    });
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
    });
    await this.devices.update(principal.deviceId, { contactId: contact.id });
    return {
      contact: { id: contact.id, name: `${contact.firstName} ${contact.lastName}`.trim(), email: contact.email },
    };
  }
}

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
