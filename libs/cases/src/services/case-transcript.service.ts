import { Injectable } from '@nestjs/common';
import { PiiMasker, type AccountPrincipal } from '@switchboard/core';
import { ConversationService, renderTranscript } from '@switchboard/chat';
import { CaseService } from './case.service.js';

/**
 * A case's conversation as a downloadable file for technicians. It is written with @Res() (a file,
 * not JSON), so the masking interceptor never sees it: the messages are masked here, with the case's
 * company policy, before rendering (#13.3) — the transcript shows what the case view shows.
 */
@Injectable()
export class CaseTranscriptService {
  constructor(
    private readonly cases: CaseService,
    private readonly conversations: ConversationService,
    private readonly masker: PiiMasker,
  ) {}

  async render(id: string, me: AccountPrincipal, format: 'html' | 'text'): Promise<string> {
    const c = await this.cases.load(id, me);
    const messages = this.masker.maskPayload(await this.conversations.listMessages(id, 0, 5000), c.companyId);
    const header = this.masker.maskPayload(
      {
        title: `Chat transcript — ${c.portal.name}`,
        lines: [
          ['Case', c.id],
          ['Started', new Date(c.createdAt).toISOString()],
        ] as Array<[string, string]>,
      },
      c.companyId,
    );
    return renderTranscript(header, messages, format);
  }
}
