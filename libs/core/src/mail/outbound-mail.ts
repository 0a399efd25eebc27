/** One outbound email as the core decides it; a transport only delivers it. */
export interface OutboundMail {
  to: string[];
  cc: string[];
  subject: string;
  text: string;
  html: string;
  /** Message-ID, In-Reply-To, References, Auto-Submitted... Message-ID is filled in when missing. */
  headers: Record<string, string>;
  /** The ticket this mail belongs to (threading, audit). */
  ticketId?: string | null;
}

export interface SentMail {
  messageId: string;
}

/** What actually delivers a mail (SMTP, an API...). The email channel plugin registers one. */
export interface MailTransport {
  readonly name: string;
  deliver(message: OutboundMail & { from: string }): Promise<void>;
}
