/**
 * Every string the helpdesk agent shows, in English and French: the terminal mode's lines and
 * prompts, the desktop window (which gets the chosen language's table from the local server) and
 * its tray menu. `{name}` style placeholders are filled by `text()` (and by the page's `t()`).
 * `fr` is typed by `en`'s keys: a key missing from (or extra in) French fails the build.
 */
const en = {
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
  // The terminal mode (agent.ts, main.ts) and the desktop mode's console lines.
  usage: `switchboard-agent: chat with your IT technicians.

Usage:
  switchboard-agent enroll <server-url> <code>   connect this computer (code from your administrator)
  switchboard-agent start                       stay connected and answer technicians' chat requests
  switchboard-agent chat                        ask for a technician now
  switchboard-agent desktop                     the desktop agent: tray icon and chat window (also: start --desktop)
  switchboard-agent --version                   print the version
Inside a chat: type messages; /send <file> sends a file; /save <n> saves a received file; /end; /quit.

Options: --events prints machine-readable "@event {json}" lines too (also SWITCHBOARD_AGENT_EVENTS=1).
  --language en|fr (also SWITCHBOARD_AGENT_LANGUAGE; default: the system's language).
Desktop: --no-tray, --no-open (do not open the window; its address is printed), --port <n> (default: a free port).
The device token is kept in {configPath} (SWITCHBOARD_AGENT_CONFIG_DIR overrides the directory).`,
  badLanguage: '--language takes en or fr (got "{value}").',
  badLanguageEnv: 'SWITCHBOARD_AGENT_LANGUAGE must be en or fr (got "{value}").',
  enrollUsage:
    'Usage: switchboard-agent enroll <server-url> <code>   (e.g. enroll http://localhost:3000 K7QM-3XZP-9WRT)',
  enrolled: 'Enrolled as {device}. Settings saved in {path}. Run "switchboard-agent start".',
  notEnrolled: 'This computer is not enrolled yet: run "switchboard-agent enroll <server-url> <code>" first.',
  tokenRefused:
    'The server refused this device\'s token. Ask your administrator for a new enrolment code and run "switchboard-agent enroll" again.',
  connectedTo: 'Connected to {server} as {device}.',
  reconnected: 'Reconnected.',
  endedWhileDown: 'The chat ended while the connection was down.',
  theTechnician: 'the technician',
  aTechnician: 'A technician',
  waitingRequests: 'Waiting for chat requests. Press Ctrl+C to stop.',
  acceptPrompt: '{name} would like to chat with you. Accept? [y/n]',
  chatAsPrompt: 'Chat as {name}? [Y/n]',
  help: 'Type a message and press Enter. /send <file> sends a file, /save <n> saves a received file, /end ends the chat, /quit leaves.',
  chatStarted: 'Chat started with {name}. {help}',
  earlierHead: '--- Earlier in ticket #{number} ---',
  earlierHeadMore: '--- Earlier in ticket #{number} (latest messages) ---',
  fileReceived: '{name} sent a file: {file} ({size}) - /save {n} to save it',
  typingLine: '({name} is typing...)',
  noChat: 'No chat in progress.',
  noSuchFile: 'No such file.',
  saved: 'Saved {path}',
  unknownCommand: 'Unknown command. {help}',
  notAFile: '{path} is not a file',
  busyChoices: '[r] try again, [t] create a new ticket, [q] quit',
  describeLine: 'Describe your problem (one line):',
  namePrompt: 'Your full name (first and last name):',
  nameAgain: 'Please type your first and last name.',
  emailPrompt: 'Your email address:',
  codePrompt: 'Confirmation code:',
  windowAt: '{title}: chat window at {url}',
  cannotOpen: 'Could not open the browser ({reason}): open {url}',
  noTray: 'No tray icon ({reason}); the chat window works without it.',
  badPort: '--port takes a port number (0 or nothing: a free port).',
  identityMissing: 'Please type your first name, last name and email address',
  codeMissing: 'Please type the confirmation code',
  messageEmpty: 'The message is empty',
  describeMissing: 'Please describe your problem',
  noRequest: 'No chat request to answer',
  notConnected: 'Not connected to the helpdesk server',
  kb: 'KB',
  mb: 'MB',
  // Server error codes the agent words itself (the server's message is English).
  err_CHAT_DISABLED: 'Chat is not enabled for your organisation.',
  err_IDENTITY_REQUIRED: 'Confirm who you are first (full name and email).',
  err_TOO_MANY_REQUESTS: 'Too many confirmation codes were requested; wait 15 minutes and try again.',
  err_TOO_MANY_ATTEMPTS: 'Too many wrong codes; request a new one.',
  err_INVALID_TOKEN: 'This confirmation code is not valid or has expired; request a new one.',
  err_INVALID_ENROLMENT_CODE:
    'This enrolment code is not valid, used or expired; ask your administrator for a new one.',
  err_AGENT_CHAT_UNAVAILABLE: 'Chat with a technician is not available on this helpdesk.',
};

export type TextKey = keyof typeof en;

const fr: Record<TextKey, string> = {
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
  identityHint: "Nous envoyons un code de confirmation à votre adresse e-mail pour vérifier qu'il s'agit bien de vous.",
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
  usage: `switchboard-agent : discutez avec vos techniciens informatiques.

Utilisation :
  switchboard-agent enroll <url-du-serveur> <code>   connecter cet ordinateur (code fourni par votre administrateur)
  switchboard-agent start                           rester connecté et répondre aux demandes de discussion des techniciens
  switchboard-agent chat                            demander un technicien maintenant
  switchboard-agent desktop                         l'agent de bureau : icône de notification et fenêtre de discussion (aussi : start --desktop)
  switchboard-agent --version                       afficher la version
Dans une discussion : tapez vos messages ; /send <fichier> envoie un fichier ; /save <n> enregistre un fichier reçu ; /end ; /quit.

Options : --events affiche aussi des lignes "@event {json}" lisibles par un programme (aussi SWITCHBOARD_AGENT_EVENTS=1).
  --language en|fr (aussi SWITCHBOARD_AGENT_LANGUAGE ; par défaut : la langue du système).
Bureau : --no-tray, --no-open (n'ouvre pas la fenêtre ; son adresse est affichée), --port <n> (par défaut : un port libre).
Le jeton de l'appareil est conservé dans {configPath} (SWITCHBOARD_AGENT_CONFIG_DIR change le dossier).`,
  badLanguage: '--language accepte en ou fr (reçu « {value} »).',
  badLanguageEnv: 'SWITCHBOARD_AGENT_LANGUAGE doit valoir en ou fr (reçu « {value} »).',
  enrollUsage:
    'Utilisation : switchboard-agent enroll <url-du-serveur> <code>   (par ex. enroll http://localhost:3000 K7QM-3XZP-9WRT)',
  enrolled: 'Enrôlé en tant que {device}. Paramètres enregistrés dans {path}. Lancez « switchboard-agent start ».',
  notEnrolled:
    "Cet ordinateur n'est pas encore enrôlé : lancez d'abord « switchboard-agent enroll <url-du-serveur> <code> ».",
  tokenRefused:
    "Le serveur a refusé le jeton de cet appareil. Demandez un nouveau code d'enrôlement à votre administrateur et relancez « switchboard-agent enroll ».",
  connectedTo: 'Connecté à {server} en tant que {device}.',
  reconnected: 'Reconnecté.',
  endedWhileDown: 'La discussion a pris fin pendant la coupure de connexion.',
  theTechnician: 'le technicien',
  aTechnician: 'Un technicien',
  waitingRequests: 'En attente de demandes de discussion. Appuyez sur Ctrl+C pour arrêter.',
  acceptPrompt: '{name} souhaite discuter avec vous. Accepter ? [o/n]',
  chatAsPrompt: 'Discuter en tant que {name} ? [O/n]',
  help: 'Tapez un message et appuyez sur Entrée. /send <fichier> envoie un fichier, /save <n> enregistre un fichier reçu, /end termine la discussion, /quit quitte.',
  chatStarted: 'Discussion commencée avec {name}. {help}',
  earlierHead: '--- Précédemment dans le ticket n°{number} ---',
  earlierHeadMore: '--- Précédemment dans le ticket n°{number} (derniers messages) ---',
  fileReceived: "{name} a envoyé un fichier : {file} ({size}) - /save {n} pour l'enregistrer",
  typingLine: '({name} écrit...)',
  noChat: 'Aucune discussion en cours.',
  noSuchFile: 'Fichier introuvable.',
  saved: 'Enregistré : {path}',
  unknownCommand: 'Commande inconnue. {help}',
  notAFile: "{path} n'est pas un fichier",
  busyChoices: '[r] réessayer, [t] créer un ticket, [q] quitter',
  describeLine: 'Décrivez votre problème (une ligne) :',
  namePrompt: 'Vos prénom et nom :',
  nameAgain: 'Tapez votre prénom et votre nom.',
  emailPrompt: 'Votre adresse e-mail :',
  codePrompt: 'Code de confirmation :',
  windowAt: '{title} : fenêtre de discussion à {url}',
  cannotOpen: "Impossible d'ouvrir le navigateur ({reason}) : ouvrez {url}",
  noTray: "Pas d'icône de notification ({reason}) ; la fenêtre de discussion fonctionne sans.",
  badPort: '--port attend un numéro de port (0 ou rien : un port libre).',
  identityMissing: 'Tapez votre prénom, votre nom et votre adresse e-mail',
  codeMissing: 'Tapez le code de confirmation',
  messageEmpty: 'Le message est vide',
  describeMissing: 'Décrivez votre problème',
  noRequest: 'Aucune demande de discussion à laquelle répondre',
  notConnected: "Pas de connexion au serveur d'assistance",
  kb: 'Ko',
  mb: 'Mo',
  err_CHAT_DISABLED: "La discussion n'est pas activée pour votre organisation.",
  err_IDENTITY_REQUIRED: "Confirmez d'abord qui vous êtes (nom complet et adresse e-mail).",
  err_TOO_MANY_REQUESTS: 'Trop de codes de confirmation ont été demandés ; attendez 15 minutes et réessayez.',
  err_TOO_MANY_ATTEMPTS: 'Trop de codes erronés ; demandez-en un nouveau.',
  err_INVALID_TOKEN: "Ce code de confirmation n'est pas valide ou a expiré ; demandez-en un nouveau.",
  err_INVALID_ENROLMENT_CODE:
    "Ce code d'enrôlement n'est pas valide, a déjà servi ou a expiré ; demandez-en un nouveau à votre administrateur.",
  err_AGENT_CHAT_UNAVAILABLE: "La discussion avec un technicien n'est pas disponible sur cette assistance.",
};

export const TEXTS: Record<Lang, Record<TextKey, string>> = { en, fr };

export const LANGUAGES = ['en', 'fr'] as const;
export type Lang = (typeof LANGUAGES)[number];

const isLang = (v: string): v is Lang => (LANGUAGES as readonly string[]).includes(v);

/** A `--language` (or SWITCHBOARD_AGENT_LANGUAGE) value that is neither en nor fr: said clearly. */
export class LanguageError extends Error {}

/** `--language xx` / `--language=xx` (also the older `--lang`), or undefined. */
function languageFlag(argv: string[]): string | undefined {
  for (const name of ['--language', '--lang']) {
    const i = argv.indexOf(name);
    if (i >= 0) return argv[i + 1] ?? '';
    const inline = argv.find((a) => a.startsWith(`${name}=`));
    if (inline) return inline.slice(name.length + 1);
  }
  return undefined;
}

/** The arguments without the language flag (and its value), for the command parsing after it. */
export function withoutLanguageFlag(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--language' || argv[i] === '--lang') i++;
    else if (!/^--lang(uage)?=/.test(argv[i])) out.push(argv[i]);
  }
  return out;
}

/**
 * The agent's language: `--language en|fr` first, then SWITCHBOARD_AGENT_LANGUAGE (both checked:
 * any other value is a LanguageError), then the system's locale (LC_ALL, LC_MESSAGES, LANG, then
 * what Intl reports, as on Windows and macOS): French for any `fr*`, English otherwise.
 */
export function pickLanguage(argv: string[], env: NodeJS.ProcessEnv = process.env, systemLocale = intlLocale()): Lang {
  const flag = languageFlag(argv);
  if (flag !== undefined) {
    const v = flag.trim().toLowerCase();
    if (!isLang(v)) throw new LanguageError(text('en', 'badLanguage', { value: flag }));
    return v;
  }
  const override = env.SWITCHBOARD_AGENT_LANGUAGE ?? env.SWITCHBOARD_AGENT_LANG;
  if (override !== undefined && override.trim() !== '') {
    const v = override.trim().toLowerCase();
    if (!isLang(v)) throw new LanguageError(text('en', 'badLanguageEnv', { value: override }));
    return v;
  }
  // POSIX order: the first one set (and not empty) wins.
  const chosen = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '') ?? systemLocale;
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

/** The agent's own words for a known server error code; the server's message otherwise. */
export function errorText(lang: Lang, error: { code?: string; message: string }): string {
  const key = `err_${error.code ?? ''}`;
  return key in TEXTS[lang] ? TEXTS[lang][key as TextKey] : error.message;
}

/** A file size as the user reads it (KB/MB, Ko/Mo). */
export function fileSize(lang: Lang, n: number): string {
  return n >= 1024 * 1024
    ? `${(n / 1024 / 1024).toFixed(1)} ${text(lang, 'mb')}`
    : `${Math.max(1, Math.round(n / 1024))} ${text(lang, 'kb')}`;
}
