import { Injectable } from '@nestjs/common';

/**
 * A rule a technician's text message must pass before it is stored; it throws a 4xx DomainError
 * naming the rule. Visitors and system lines are never checked.
 */
export type AgentMessageRule = (conversationId: string, body: string) => Promise<void> | void;

/**
 * Rules the floors above add to technicians' messages (routing: the contact centre's composer
 * rules), since chat may not import them. Registered at module init, the same on every instance.
 */
@Injectable()
export class AgentMessageRules {
  private readonly rules: AgentMessageRule[] = [];

  register(rule: AgentMessageRule): void {
    this.rules.push(rule);
  }

  async check(conversationId: string, body: string): Promise<void> {
    for (const rule of this.rules) await rule(conversationId, body);
  }
}
