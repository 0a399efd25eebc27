// Satisfaction (CSAT, #18.4) strings of the console: the admin report and the ticket header badge.
// English and French from the browser language, same typed dictionary shape as the other *.i18n.ts files.

const en = {
  title: 'Satisfaction',
  intro: 'Answers to “How did we do?” over the last {days} days.',
  days: 'Period',
  daysOption: 'Last {days} days',
  total: 'All answers',
  byTechnician: 'Per technician',
  byCompany: 'Per company',
  technician: 'Technician',
  company: 'Company',
  responses: 'Responses',
  average: 'Average score',
  satisfied: 'Satisfied (4–5)',
  unassigned: 'Unassigned',
  none: 'No answers in this period.',
  loadFailed: 'Could not load the report',
  badge: 'Satisfaction',
  badgeTitle: 'Latest satisfaction score given by the requester',
  noScore: 'Not rated',
  rated: 'Rated {score}/5',
  ratedWithComment: 'Rated {score}/5: {comment}',
};

const fr: typeof en = {
  title: 'Satisfaction',
  intro: 'Réponses à « Comment avons-nous fait ? » sur les {days} derniers jours.',
  days: 'Période',
  daysOption: '{days} derniers jours',
  total: 'Toutes les réponses',
  byTechnician: 'Par technicien',
  byCompany: 'Par société',
  technician: 'Technicien',
  company: 'Société',
  responses: 'Réponses',
  average: 'Note moyenne',
  satisfied: 'Satisfaits (4–5)',
  unassigned: 'Non assigné',
  none: 'Aucune réponse sur cette période.',
  loadFailed: 'Impossible de charger le rapport',
  badge: 'Satisfaction',
  badgeTitle: 'Dernière note de satisfaction donnée par le demandeur',
  noScore: 'Non noté',
  rated: 'A noté {score}/5',
  ratedWithComment: 'A noté {score}/5 : {comment}',
};

export type CsatStrings = typeof en;
const lang = (navigator.languages?.[0] ?? navigator.language ?? 'en').toLowerCase().startsWith('fr') ? 'fr' : 'en';
const numberFmt = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });

export function ct(key: keyof CsatStrings, vars: Record<string, string | number> = {}): string {
  return (lang === 'fr' ? fr : en)[key].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));
}

/** 3.7 / 3,7 */
export const formatScore = (n: number) => numberFmt.format(n);
