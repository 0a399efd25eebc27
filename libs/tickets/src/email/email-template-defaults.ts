/** The mails the helpdesk sends on ticket events; each has an admin-editable template. */
export const EMAIL_TEMPLATE_EVENTS = [
  'ticket.acknowledgement',
  'ticket.reply',
  'ticket.status',
  'sender.rejected',
] as const;
export type EmailTemplateEvent = (typeof EMAIL_TEMPLATE_EVENTS)[number];

export interface EmailTemplateText {
  subject: string;
  text: string;
  html: string;
}

/**
 * Placeholders every template may use (Handlebars). `{{{…}}}` in subject and text (plain text is
 * never HTML-escaped); in html, `{{…}}` escapes and `{{{bodyHtml}}}` is the body already escaped
 * with line breaks.
 */
export const EMAIL_TEMPLATE_PLACEHOLDERS = [
  'ticket.number',
  'ticket.title',
  'ticket.status',
  'ticket.previousStatus',
  'comment.body',
  'bodyHtml',
  'author',
  'signature',
  'signatureHtml',
  'contact.firstName',
  'contact.lastName',
  'contact.name',
  'helpdesk.address',
  'original.subject',
] as const;

const FOOTER_TEXT =
  'Ticket #{{ticket.number}}: {{{ticket.title}}} (status: {{ticket.status}})\nReply to this email to add to the ticket.\n';
const FOOTER_HTML =
  'Ticket #{{ticket.number}}: {{ticket.title}} (status: {{ticket.status}})<br>Reply to this email to add to the ticket.';

export const DEFAULT_EMAIL_TEMPLATES: Record<EmailTemplateEvent, EmailTemplateText> = {
  'ticket.acknowledgement': {
    subject: '[#{{ticket.number}}] {{{ticket.title}}}',
    text:
      'Hello {{{contact.firstName}}},\n\nWe received your request and opened ticket #{{ticket.number}}. A technician will answer you by email.\n\n-- \n' +
      FOOTER_TEXT,
    html:
      '<p>Hello {{contact.firstName}},</p><p>We received your request and opened ticket #{{ticket.number}}. A technician will answer you by email.</p><hr><p style="color:#666;font-size:12px">' +
      FOOTER_HTML +
      '</p>',
  },
  // Signed with the technician's signature, else their name (then byte-identical to the tickets issue's template).
  'ticket.reply': {
    subject: '[#{{ticket.number}}] {{{ticket.title}}}',
    text: '{{{comment.body}}}\n\n-- \n{{{signature}}}\n' + FOOTER_TEXT,
    html:
      '<div>{{{bodyHtml}}}</div><hr><p style="color:#666;font-size:12px">{{{signatureHtml}}}<br>' +
      FOOTER_HTML +
      '</p>',
  },
  'ticket.status': {
    subject: '[#{{ticket.number}}] {{{ticket.title}}} — now {{ticket.status}}',
    text:
      'Hello {{{contact.firstName}}},\n\nThe status of your ticket #{{ticket.number}} changed from {{ticket.previousStatus}} to {{ticket.status}}.\n\n-- \n' +
      FOOTER_TEXT,
    html:
      '<p>Hello {{contact.firstName}},</p><p>The status of your ticket #{{ticket.number}} changed from {{ticket.previousStatus}} to <b>{{ticket.status}}</b>.</p><hr><p style="color:#666;font-size:12px">' +
      FOOTER_HTML +
      '</p>',
  },
  'sender.rejected': {
    subject: 'Re: {{{original.subject}}}',
    text: 'Hello,\n\nThis helpdesk only accepts requests from registered contacts, so your message was not recorded. Please contact your administrator.\n',
    html: '<p>Hello,</p><p>This helpdesk only accepts requests from registered contacts, so your message was not recorded. Please contact your administrator.</p>',
  },
};
