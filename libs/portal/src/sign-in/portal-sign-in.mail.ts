import { escapeHtml } from '@switchboard/notify';

export type PortalLanguage = 'en' | 'fr';

/** The language of a request: an explicit choice, else the browser's Accept-Language, else English. */
export function portalLanguage(explicit?: string | null, acceptLanguage?: string | null): PortalLanguage {
  const pick = (value: string) => (value.trim().toLowerCase().startsWith('fr') ? 'fr' : 'en');
  if (explicit) return pick(explicit);
  const first = (acceptLanguage ?? '').split(',')[0];
  return first ? pick(first) : 'en';
}

const TEXT: Record<PortalLanguage, { subject: string; intro: string; cta: string; expiry: string; ignore: string }> = {
  en: {
    subject: 'Your sign-in link for {portal}',
    intro: 'Open this link to see your tickets on {portal}:',
    cta: 'Sign in to my tickets',
    expiry: 'The link works once, for 15 minutes.',
    ignore: 'If you did not ask for it, you can ignore this email.',
  },
  fr: {
    subject: 'Votre lien de connexion à {portal}',
    intro: 'Ouvrez ce lien pour voir vos tickets sur {portal} :',
    cta: 'Accéder à mes tickets',
    expiry: 'Le lien fonctionne une seule fois, pendant 15 minutes.',
    ignore: 'Si vous ne l’avez pas demandé, ignorez simplement ce message.',
  },
};

/** The sign-in mail in the visitor's language (the ticket templates have one language; this one is ours). */
export function signInMail(lang: PortalLanguage, portal: string, link: string) {
  const t = TEXT[lang];
  const fill = (s: string) => s.replace('{portal}', portal);
  return {
    subject: fill(t.subject),
    text: `${fill(t.intro)}\n\n${link}\n\n${t.expiry}\n${t.ignore}\n`,
    html:
      `<p>${escapeHtml(fill(t.intro))}</p><p><a href="${escapeHtml(link)}">${escapeHtml(t.cta)}</a></p>` +
      `<p style="color:#666;font-size:12px">${escapeHtml(t.expiry)}<br>${escapeHtml(t.ignore)}</p>`,
  };
}
