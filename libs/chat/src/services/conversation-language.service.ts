import { Injectable } from '@nestjs/common';
import { ContactLanguageService, ContactService, DEFAULT_LANGUAGE, type Language } from '@switchboard/core';
import { ConversationRepository } from '../repositories/conversation.repository.js';

/** A text the server writes in the reader's language: one string per language (or one for all). */
export type LocalText = string | Readonly<Record<Language, string>>;

/**
 * The language of a conversation's automatic texts (system lines, its automatic ticket): the
 * customer's (contact) language, else their company's default, else English. Both sides read the
 * same stored line, so it is the customer's: the technician console translates what it knows.
 */
@Injectable()
export class ConversationLanguageService {
  constructor(
    private readonly conversations: ConversationRepository,
    private readonly contacts: ContactService,
    private readonly languages: ContactLanguageService,
  ) {}

  async of(conversationId: string): Promise<Language> {
    const conversation = await this.conversations.findById(conversationId);
    if (!conversation) return DEFAULT_LANGUAGE;
    const [contact] = conversation.contactId ? await this.contacts.getMany([conversation.contactId]) : [];
    return this.languages.forContact(contact ?? null, conversation.companyId);
  }

  /** The text in the conversation's language (a plain string is the same in every language). */
  async resolve(conversationId: string, text: LocalText): Promise<string> {
    return typeof text === 'string' ? text : text[await this.of(conversationId)];
  }
}
