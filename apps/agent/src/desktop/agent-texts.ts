/**
 * Every string the desktop agent shows (its window and its tray menu), in English and French.
 * The window gets the chosen language's table from the local server; `{name}` style placeholders
 * are filled in there.
 */
export const TEXTS = {
  en: {
    title: 'Switchboard helpdesk',
    connecting: 'Connecting to your helpdesk...',
    online: 'Connected as {device}',
    offline: 'Connection lost; reconnecting...',
    unauthorized:
      'The server refused this device. Ask your administrator for a new enrolment code and enrol this computer again.',
    idleHint: 'Need help? Start a chat with an IT technician.',
    startChat: 'Start chat',
    quit: 'Quit',
    openWindow: 'Open chat window',
    chatDisabled:
      'Chat with a technician is not enabled for your organisation. Please contact your IT support another way (email or phone).',
    chatAs: 'Chat as {name}?',
    yes: 'Yes',
    someoneElse: "No, I'm someone else",
    identityTitle: 'Who are you?',
    identityHint: 'We send a confirmation code to your email address to make sure it is you.',
    firstName: 'First name',
    lastName: 'Last name',
    email: 'Email address',
    sendCode: 'Send the code',
    codeSent: 'We sent a confirmation code to {email}. It works for 15 minutes.',
    code: 'Confirmation code',
    confirm: 'Confirm',
    cancel: 'Cancel',
    thanks: 'Thank you, {name}.',
    waiting: 'Waiting for a technician to accept (up to 2 minutes)...',
    busyTitle: 'Chat busy',
    busyText: 'All technicians are busy right now. You can try again or create a ticket.',
    retry: 'Retry',
    createTicket: 'Create a ticket',
    describe: 'Describe your problem',
    submitTicket: 'Create the ticket',
    ticketCreated: 'Ticket #{number} was created. A technician will get back to you.',
    requestTitle: 'Chat request',
    requestText: '{name} would like to chat with you.',
    approve: 'Approve',
    decline: 'Decline',
    declined: 'You declined the chat request.',
    expired: 'The chat request expired.',
    chatWith: 'Chat with {name}',
    typing: '{name} is typing...',
    messagePlaceholder: 'Type a message and press Enter',
    send: 'Send',
    sendFile: 'Send a file',
    fileRules: 'PDF, MP3, MP4, Word, Excel or MSI, at most 20 MB',
    sending: 'Sending {name}...',
    fileSent: 'Sent {name} ({size}).',
    download: 'Download',
    fileTooLarge: '"{name}" is too large: files may be at most 20 MB',
    fileType:
      '"{name}" cannot be sent: only PDF, MP3, MP4, Word (.doc, .docx), Excel (.xls, .xlsx) and MSI files are allowed',
    endChat: 'End chat',
    ended: 'The chat has ended.',
    newChat: 'Start a new chat',
    earlier: 'Earlier in ticket #{number}',
    reason_declined: 'You declined the chat request.',
    reason_not_accepted: 'The chat request expired.',
    reason_busy: 'No technician accepted the chat.',
    reason_idle: 'The chat ended after 5 minutes without a message.',
    reason_ended_by_technician: 'The technician ended the chat.',
    reason_ended_by_user: 'You ended the chat.',
    error: 'Error: {message}',
  },
  fr: {
    title: 'Assistance Switchboard',
    connecting: 'Connexion à votre assistance...',
    online: 'Connecté en tant que {device}',
    offline: 'Connexion perdue ; reconnexion...',
    unauthorized:
      "Le serveur a refusé cet appareil. Demandez un nouveau code d'enrôlement à votre administrateur et enrôlez de nouveau cet ordinateur.",
    idleHint: "Besoin d'aide ? Démarrez une discussion avec un technicien informatique.",
    startChat: 'Démarrer une discussion',
    quit: 'Quitter',
    openWindow: 'Ouvrir la fenêtre de discussion',
    chatDisabled:
      "La discussion avec un technicien n'est pas activée pour votre organisation. Contactez votre support informatique autrement (e-mail ou téléphone).",
    chatAs: 'Discuter en tant que {name} ?',
    yes: 'Oui',
    someoneElse: "Non, je suis quelqu'un d'autre",
    identityTitle: 'Qui êtes-vous ?',
    identityHint:
      "Nous envoyons un code de confirmation à votre adresse e-mail pour vérifier qu'il s'agit bien de vous.",
    firstName: 'Prénom',
    lastName: 'Nom',
    email: 'Adresse e-mail',
    sendCode: 'Envoyer le code',
    codeSent: 'Nous avons envoyé un code de confirmation à {email}. Il est valable 15 minutes.',
    code: 'Code de confirmation',
    confirm: 'Confirmer',
    cancel: 'Annuler',
    thanks: 'Merci, {name}.',
    waiting: "En attente qu'un technicien accepte (jusqu'à 2 minutes)...",
    busyTitle: 'Discussion occupée',
    busyText: 'Tous les techniciens sont occupés pour le moment. Vous pouvez réessayer ou créer un ticket.',
    retry: 'Réessayer',
    createTicket: 'Créer un ticket',
    describe: 'Décrivez votre problème',
    submitTicket: 'Créer le ticket',
    ticketCreated: 'Le ticket n°{number} a été créé. Un technicien vous répondra.',
    requestTitle: 'Demande de discussion',
    requestText: '{name} souhaite discuter avec vous.',
    approve: 'Accepter',
    decline: 'Refuser',
    declined: 'Vous avez refusé la demande de discussion.',
    expired: 'La demande de discussion a expiré.',
    chatWith: 'Discussion avec {name}',
    typing: '{name} écrit...',
    messagePlaceholder: 'Tapez un message et appuyez sur Entrée',
    send: 'Envoyer',
    sendFile: 'Envoyer un fichier',
    fileRules: 'PDF, MP3, MP4, Word, Excel ou MSI, 20 Mo au plus',
    sending: 'Envoi de {name}...',
    fileSent: '{name} envoyé ({size}).',
    download: 'Télécharger',
    fileTooLarge: '« {name} » est trop volumineux : les fichiers font 20 Mo au plus',
    fileType:
      '« {name} » ne peut pas être envoyé : seuls les fichiers PDF, MP3, MP4, Word (.doc, .docx), Excel (.xls, .xlsx) et MSI sont autorisés',
    endChat: 'Terminer la discussion',
    ended: 'La discussion est terminée.',
    newChat: 'Démarrer une nouvelle discussion',
    earlier: 'Précédemment dans le ticket n°{number}',
    reason_declined: 'Vous avez refusé la demande de discussion.',
    reason_not_accepted: 'La demande de discussion a expiré.',
    reason_busy: "Aucun technicien n'a accepté la discussion.",
    reason_idle: 'La discussion a pris fin après 5 minutes sans message.',
    reason_ended_by_technician: 'Le technicien a terminé la discussion.',
    reason_ended_by_user: 'Vous avez terminé la discussion.',
    error: 'Erreur : {message}',
  },
} as const;

export type Lang = keyof typeof TEXTS;
export type TextKey = keyof (typeof TEXTS)['en'];

/**
 * The window's language: `--lang xx` first, then SWITCHBOARD_AGENT_LANG, then the system's
 * locale (LC_ALL, LC_MESSAGES, LANG, then what Intl reports, as on Windows and macOS); French
 * for any `fr*`, English otherwise.
 */
export function pickLang(argv: string[], env: NodeJS.ProcessEnv = process.env, systemLocale = intlLocale()): Lang {
  const i = argv.indexOf('--lang');
  const flag = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--lang='))?.slice(7);
  const chosen = flag ?? env.SWITCHBOARD_AGENT_LANG ?? env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG ?? systemLocale;
  return /^fr/i.test(chosen ?? '') ? 'fr' : 'en';
}

function intlLocale(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().locale;
  } catch {
    return 'en';
  }
}

export function text(lang: Lang, key: TextKey, vars: Record<string, string | number> = {}): string {
  return TEXTS[lang][key].replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}
