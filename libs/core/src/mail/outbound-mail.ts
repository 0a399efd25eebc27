/** A stored file to attach (FileService id) — contents are read when the mail is delivered. */
export interface MailAttachmentRef {
  fileId: string;
  name: string;
  contentType: string;
  size: number;
}

/** One outbound email as the core decides it; a transport only delivers it. */
export interface OutboundMail {
  to: string[];
  cc: string[];
  subject: string;
  text: string;
  html: string;
  /** Message-ID, In-Reply-To, References, Auto-Submitted, Reply-To... Message-ID is filled in when missing. */
  headers: Record<string, string>;
  /** The ticket this mail belongs to (threading, audit). */
  ticketId?: string | null;
  attachments?: MailAttachmentRef[];
}

export interface SentMail {
  messageId: string;
  /** `queued` (handed to the transport in the background), `recorded` (no transport: outbox only), `failed` (refused: too large). */
  status: OutboxStatus;
}

/** recorded (no transport) | queued (first attempt under way) | sent | retrying (a deadline row will try again) | failed (gave up). */
export type OutboxStatus = 'recorded' | 'queued' | 'sent' | 'retrying' | 'failed';

/** What a transport receives: fully decided, plain JSON (attachments inline as base64). */
export interface DeliverableMail {
  /** The outbox record's id (stable across retries). */
  id: string;
  from: string;
  replyTo?: string;
  to: string[];
  cc: string[];
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  attachments: Array<{ filename: string; contentType: string; size: number; contentBase64: string }>;
}

/** What actually delivers a mail (SMTP, an API...). The email channel plugin registers one. Throws on failure. */
export interface MailTransport {
  readonly name: string;
  deliver(mail: DeliverableMail): Promise<void>;
}
