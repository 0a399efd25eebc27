import { Injectable, Logger } from '@nestjs/common';
import { inboundProblems, jsonCopy, type InboundRequest, type InboundResult } from '@switchboard/plugin-sdk';
import { DomainError, NotFoundError, UnauthorizedError, ChannelInboundService } from '@switchboard/core';
import { PluginRegistry } from '../plugins/plugin-registry.service.js';
import { ChannelInstanceService } from './channel-instance.service.js';

/**
 * `POST /hooks/:instanceId`: the core authenticates the request through the adapter's `verify`,
 * lets `parse` normalise it, and feeds every message to the same inbound pipeline as the
 * listeners. Unknown and disabled instances look the same (404).
 */
@Injectable()
export class ChannelHooksService {
  private readonly logger = new Logger('ChannelHooks');

  constructor(
    private readonly instances: ChannelInstanceService,
    private readonly plugins: PluginRegistry,
    private readonly inbound: ChannelInboundService,
  ) {}

  async handle(instanceId: string, request: InboundRequest): Promise<{ results: InboundResult[] }> {
    const instance = await this.instances.resolve(instanceId);
    const runtime = instance ? this.plugins.get(instance.pluginId) : undefined;
    const adapter = runtime?.loaded.definition.channel;
    const ctx = runtime?.active?.context;
    if (!instance || !adapter?.verify || !adapter.parse || !ctx) throw new NotFoundError('Hook', instanceId);
    let verified = false;
    try {
      verified = (await adapter.verify(jsonCopy(request), jsonCopy(instance), ctx)) === true;
    } catch (error) {
      this.logger.warn({ err: error, instanceId }, 'verify threw; treated as a failed verification');
    }
    if (!verified) {
      this.logger.warn({ instanceId, pluginId: instance.pluginId }, 'Inbound hook request failed verification');
      throw new UnauthorizedError('The request could not be verified (signature or secret)');
    }
    let messages: unknown;
    try {
      messages = await adapter.parse(jsonCopy(request), jsonCopy(instance), ctx);
    } catch (error) {
      throw new DomainError(
        'INVALID_PAYLOAD',
        `The channel could not read the request: ${(error as Error)?.message ?? String(error)}`,
        400,
      );
    }
    if (!Array.isArray(messages)) throw new DomainError('INVALID_PAYLOAD', 'The channel returned no messages', 400);
    const results: InboundResult[] = [];
    for (const message of messages) {
      const problems = inboundProblems(message);
      if (problems.length)
        throw new DomainError(
          'INVALID_PAYLOAD',
          `The channel produced an invalid message: ${problems.join('; ')}`,
          400,
        );
      results.push(await this.inbound.receive(instance.pluginId, adapter.type, jsonCopy(message), instance.id));
    }
    return { results };
  }
}
