import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { InboundMessage, InboundResult } from '@switchboard/plugin-sdk';
import { Clock } from '../clock/clock.js';
import { inReadScope } from '../database/read-scope.js';
import { AppConfig } from '../config/app-config.js';
import { DomainError } from '../errors/domain.error.js';
import { AccountService } from '../identity/account.service.js';
import { ContactService } from '../identity/contact.service.js';
import { newId } from '../ids/id.js';
import type { Sender } from './sender.js';
import { addressOf } from '../mail/mail-address.js';
import { SettingsRegistry } from '../settings/settings.registry.js';
import { SettingsService } from '../settings/settings.service.js';
import { toStorable } from '../validation/unsafe-text.guard.js';
import { ChannelInboundHandlers } from './channel-inbound.handlers.js';
import { InboundMessageEntity } from './inbound-message.entity.js';
import { InboundMessageRepository } from './inbound-message.repository.js';

declare module '../settings/settings.registry.js' {
  interface SettingsMap {
    /** Inbound messages accepted per sender and channel per hour (0 = no limit). */
    'channels.inboundRateLimit': number;
  }
}

const HOUR_MS = 3_600_000;

/**
 * The one inbound pipeline for plugin channels, for every way in (listeners the plugins run,
 * `POST /hooks/:instanceId`). Stages, cheapest refusal first so a redelivered mail costs one
 * statement: de-duplication by external id (a unique row, so two instances or a retry racing the
 * first delivery process it once), the loop guard (mail from our own addresses, no query), the
 * per-sender rate limit, the destination's own cheap admission (e.g. size), identity (the sender
 * resolved ONCE into a `Sender`: contacts per company + technician account), threading (the
 * destination's strategy), hand-off to the lib that owns the destination.
 * Live chat enters through `ChatInboundPipeline` instead: same stages, identity from the socket.
 */
@Injectable()
export class ChannelInboundService implements OnModuleInit {
  private readonly logger = new Logger('ChannelInbound');

  constructor(
    private readonly rows: InboundMessageRepository,
    private readonly handlers: ChannelInboundHandlers,
    private readonly settings: SettingsService,
    private readonly registry: SettingsRegistry,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly contacts: ContactService,
    private readonly accounts: AccountService,
  ) {}

  onModuleInit(): void {
    this.registry.define({
      key: 'channels.inboundRateLimit',
      description: 'Inbound messages (e.g. emails) accepted per sender per hour; more are refused (0 = no limit)',
      type: 'number',
      integer: true,
      min: 0,
      max: 100_000,
      scopes: ['global'],
      default: 60,
    });
  }

  async receive(
    pluginId: string,
    channel: string,
    message: InboundMessage,
    instanceId: string | null = null,
  ): Promise<InboundResult> {
    // Outside text (a mail's subject and body, any plugin's output): NUL and lone surrogates would
    // fail on PostgreSQL and lose the message, so they are removed rather than refused.
    message = toStorable(message);
    const fromAddress = addressOf(message.from.address).toLowerCase().slice(0, 320);
    const row = Object.assign(new InboundMessageEntity(), {
      id: newId(),
      channel,
      externalId: message.externalId.trim().slice(0, 500),
      pluginId,
      instanceId,
      fromAddress,
      status: 'processing',
      reason: null,
      ticketNumber: null,
      commentId: null,
      createdAt: this.clock.now(),
    });
    if (!(await this.rows.claim(row))) return { status: 'duplicate' };
    try {
      // One message, one read of each configuration it consults (settings, statuses): see inReadScope.
      const result = await inReadScope(() => this.process(row, message, instanceId));
      await this.rows.finish(row.id, {
        status: result.status,
        reason: result.reason?.slice(0, 40) ?? null,
        ticketNumber: result.ticketNumber ?? null,
        commentId: result.commentId ?? null,
      });
      return result;
    } catch (error) {
      // Nothing was kept: release the external id so the sender's retry (SMTP 4xx, webhook 5xx) gets through.
      await this.rows.deleteById(row.id).catch(() => undefined);
      throw error;
    }
  }

  private async process(
    row: InboundMessageEntity,
    message: InboundMessage,
    instanceId: string | null,
  ): Promise<InboundResult> {
    // Computed once: the loop guard here, the Cc resolution of the destination later.
    const ours = new Set([
      addressOf(this.config.mailFrom).toLowerCase(),
      ...(message.recipients ?? []).map((r) => addressOf(r).toLowerCase()),
    ]);
    if (ours.has(row.fromAddress)) {
      this.logger.log(
        { channel: row.channel, externalId: row.externalId },
        'Ignored a message from our own address (loop guard)',
      );
      return { status: 'ignored', reason: 'own_address' };
    }
    const limit = await this.settings.get('channels.inboundRateLimit');
    if (limit > 0) {
      const recent = await this.rows.countFromSince(
        row.channel,
        row.fromAddress,
        new Date(this.clock.now().getTime() - HOUR_MS),
        row.id,
      );
      if (recent >= limit) {
        this.logger.warn(
          { channel: row.channel, from: row.fromAddress, limit },
          'Inbound rate limit reached for a sender',
        );
        return { status: 'rejected', reason: 'rate_limited' };
      }
    }
    const destination = this.handlers.get(row.channel);
    if (!destination)
      throw new DomainError(
        'CHANNEL_NOT_HANDLED',
        `Nothing in this installation handles inbound "${row.channel}" messages`,
        503,
      );
    const refused = destination.admit?.(message);
    if (refused) return refused;
    const sender = await this.identify(row.fromAddress, message.from.name);
    const thread = await destination.thread(message, sender);
    return destination.deliver(
      { pluginId: row.pluginId, channel: row.channel, instanceId, message, sender, ownAddresses: ours },
      thread,
    );
  }

  /** The sender, once: every contact with the address and the account with it, in parallel. */
  private async identify(address: string, name: string | undefined): Promise<Sender> {
    const [contacts, account] = await Promise.all([
      this.contacts.findAllByEmail(address),
      this.accounts.findByEmail(address),
    ]);
    return { address, ...(name ? { name } : {}), contacts, account };
  }
}
