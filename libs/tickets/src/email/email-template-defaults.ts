import type { Language } from '@switchboard/core';

/** The mails the helpdesk sends; each has an admin-editable template per language. */
export const EMAIL_TEMPLATE_EVENTS = [
  'ticket.acknowledgement',
  'ticket.reply',
  'ticket.status',
  'sender.rejected',
  'identity.code',
  'portal.sign-in',
] as const;
export type EmailTemplateEvent = (typeof EMAIL_TEMPLATE_EVENTS)[number];

export interface EmailTemplateText {
  subject: string;
  text: string;
  html: string;
}

/**
 * Placeholders the ticket mails may use (Handlebars). `{{{…}}}` in subject and text (plain text is
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

/** What each mail knows: an admin's template may use only these (400 naming the others). */
export const PLACEHOLDERS_OF: Record<EmailTemplateEvent, readonly string[]> = {
  'ticket.acknowledgement': EMAIL_TEMPLATE_PLACEHOLDERS,
  'ticket.reply': EMAIL_TEMPLATE_PLACEHOLDERS,
  'ticket.status': EMAIL_TEMPLATE_PLACEHOLDERS,
  'sender.rejected': ['helpdesk.address', 'original.subject'],
  'identity.code': ['contact.firstName', 'contact.lastName', 'contact.name', 'code', 'device.name'],
  'portal.sign-in': ['portal.name', 'url'],
};

/** The line under every ticket mail that links to the ticket in the portal. */
export const PORTAL_LINK_LABEL: Record<Language, string> = {
  en: 'See this ticket and answer online',
  fr: 'Voir ce ticket et répondre en ligne',
};

const FOOTER: Record<Language, { text: string; html: string }> = {
  en: {
    text: 'Ticket #{{ticket.number}}: {{{ticket.title}}} (status: {{ticket.status}})\nReply to this email to add to the ticket.\n',
    html: 'Ticket #{{ticket.number}}: {{ticket.title}} (status: {{ticket.status}})<br>Reply to this email to add to the ticket.',
  },
  fr: {
    text: 'Ticket n° {{ticket.number}} : {{{ticket.title}}} (statut : {{ticket.status}})\nRépondez à ce message pour compléter le ticket.\n',
    html: 'Ticket n° {{ticket.number}} : {{ticket.title}} (statut : {{ticket.status}})<br>Répondez à ce message pour compléter le ticket.',
  },
};

const small = (html: string) => `<hr><p style="color:#666;font-size:12px">${html}</p>`;

function ticketMails(
  lang: Language,
  t: { hello: string; received: string; statusSubject: string; statusChanged: string; statusChangedHtml: string },
) {
  const footer = FOOTER[lang];
  return {
    'ticket.acknowledgement': {
      subject: '[#{{ticket.number}}] {{{ticket.title}}}',
      text: `${t.hello} {{{contact.firstName}}},\n\n${t.received}\n\n-- \n${footer.text}`,
      html: `<p>${t.hello} {{contact.firstName}},</p><p>${t.received}</p>${small(footer.html)}`,
    },
    // Signed with the technician's signature, else their name (then byte-identical to the tickets issue's template).
    'ticket.reply': {
      subject: '[#{{ticket.number}}] {{{ticket.title}}}',
      text: '{{{comment.body}}}\n\n-- \n{{{signature}}}\n' + footer.text,
      html: '<div>{{{bodyHtml}}}</div>' + small('{{{signatureHtml}}}<br>' + footer.html),
    },
    'ticket.status': {
      subject: `[#{{ticket.number}}] {{{ticket.title}}} — ${t.statusSubject}`,
      text: `${t.hello} {{{contact.firstName}}},\n\n${t.statusChanged}\n\n-- \n${footer.text}`,
      html: `<p>${t.hello} {{contact.firstName}},</p><p>${t.statusChangedHtml}</p>${small(footer.html)}`,
    },
  };
}

export const DEFAULT_EMAIL_TEMPLATES: Record<Language, Record<EmailTemplateEvent, EmailTemplateText>> = {
  en: {
    ...ticketMails('en', {
      hello: 'Hello',
      received: 'We received your request and opened ticket #{{ticket.number}}. A technician will answer you by email.',
      statusSubject: 'now {{ticket.status}}',
      statusChanged:
        'The status of your ticket #{{ticket.number}} changed from {{ticket.previousStatus}} to {{ticket.status}}.',
      statusChangedHtml:
        'The status of your ticket #{{ticket.number}} changed from {{ticket.previousStatus}} to <b>{{ticket.status}}</b>.',
    }),
    'sender.rejected': {
      subject: 'Re: {{{original.subject}}}',
      text: 'Hello,\n\nThis helpdesk only accepts requests from registered contacts, so your message was not recorded. Please contact your administrator.\n',
      html: '<p>Hello,</p><p>This helpdesk only accepts requests from registered contacts, so your message was not recorded. Please contact your administrator.</p>',
    },
    'identity.code': {
      subject: 'Your helpdesk chat confirmation code: {{code}}',
      text: 'Hello {{{contact.firstName}}},\n\nyour confirmation code for the helpdesk chat on {{{device.name}}} is:\n\n    {{code}}\n\nIt works once, for 15 minutes. If you did not ask for it, ignore this email.',
      html: '<p>Hello {{contact.firstName}},</p><p>your confirmation code for the helpdesk chat on {{device.name}} is:</p><p style="font-size:1.5em;letter-spacing:.2em"><strong>{{code}}</strong></p><p>It works once, for 15 minutes. If you did not ask for it, ignore this email.</p>',
    },
    'portal.sign-in': {
      subject: 'Your sign-in link for {{{portal.name}}}',
      text: 'Open this link to see your tickets on {{{portal.name}}}:\n\n{{{url}}}\n\nThe link works once, for 15 minutes.\nIf you did not ask for it, you can ignore this email.\n',
      html: '<p>Open this link to see your tickets on {{portal.name}}:</p><p><a href="{{url}}">Sign in to my tickets</a></p><p style="color:#666;font-size:12px">The link works once, for 15 minutes.<br>If you did not ask for it, you can ignore this email.</p>',
    },
  },
  fr: {
    ...ticketMails('fr', {
      hello: 'Bonjour',
      received:
        'Nous avons bien reçu votre demande et ouvert le ticket n° {{ticket.number}}. Un technicien vous répondra par courriel.',
      statusSubject: 'désormais {{ticket.status}}',
      statusChanged:
        'Le statut de votre ticket n° {{ticket.number}} est passé de {{ticket.previousStatus}} à {{ticket.status}}.',
      statusChangedHtml:
        'Le statut de votre ticket n° {{ticket.number}} est passé de {{ticket.previousStatus}} à <b>{{ticket.status}}</b>.',
    }),
    'sender.rejected': {
      subject: 'Re: {{{original.subject}}}',
      text: "Bonjour,\n\nCe service d'assistance n'accepte que les demandes des contacts enregistrés : votre message n'a donc pas été enregistré. Veuillez contacter votre administrateur.\n",
      html: "<p>Bonjour,</p><p>Ce service d'assistance n'accepte que les demandes des contacts enregistrés : votre message n'a donc pas été enregistré. Veuillez contacter votre administrateur.</p>",
    },
    'identity.code': {
      subject: 'Votre code de confirmation pour le chat d’assistance : {{code}}',
      text: 'Bonjour {{{contact.firstName}}},\n\nvotre code de confirmation pour le chat d’assistance sur {{{device.name}}} est :\n\n    {{code}}\n\nIl fonctionne une seule fois, pendant 15 minutes. Si vous ne l’avez pas demandé, ignorez ce message.',
      html: '<p>Bonjour {{contact.firstName}},</p><p>votre code de confirmation pour le chat d’assistance sur {{device.name}} est :</p><p style="font-size:1.5em;letter-spacing:.2em"><strong>{{code}}</strong></p><p>Il fonctionne une seule fois, pendant 15 minutes. Si vous ne l’avez pas demandé, ignorez ce message.</p>',
    },
    'portal.sign-in': {
      subject: 'Votre lien de connexion à {{{portal.name}}}',
      text: 'Ouvrez ce lien pour voir vos tickets sur {{{portal.name}}} :\n\n{{{url}}}\n\nLe lien fonctionne une seule fois, pendant 15 minutes.\nSi vous ne l’avez pas demandé, ignorez simplement ce message.\n',
      html: '<p>Ouvrez ce lien pour voir vos tickets sur {{portal.name}} :</p><p><a href="{{url}}">Accéder à mes tickets</a></p><p style="color:#666;font-size:12px">Le lien fonctionne une seule fois, pendant 15 minutes.<br>Si vous ne l’avez pas demandé, ignorez simplement ce message.</p>',
    },
  },
};
