// Satisfaction (CSAT, #18.4) strings of the console: the admin report and the ticket header badge.
// English and French on the console's translation layer (lib/i18n.ts).
import { defineMessages, formatNumber, type Vars } from './i18n';

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
export const csatMessages = defineMessages(en, fr);

export function ct(key: keyof CsatStrings, vars?: Vars): string {
  return csatMessages.t(key, vars);
}

/** 3.7 / 3,7 */
export const formatScore = (n: number) => formatNumber(n, { maximumFractionDigits: 1 });
