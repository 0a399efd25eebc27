import { subjectTicketNumbers } from './email-subject-token.js';

describe('subjectTicketNumbers', () => {
  it.each([
    // Our own token, wherever it is.
    ['Re: [#128] Printer on fire', [128]],
    ['Printer [#7]', [7]],
    // Strong words take a bare number (English, French, German, Spanish, Italian…).
    ['ticket 128', [128]],
    ['Re: Ticket #128 still broken', [128]],
    ['Ticket no. 128', [128]],
    ['Ticket no 128', [128]],
    ['TICKET NUMBER 128', [128]],
    ['Ticket#128', [128]],
    ['Ticket: 128', [128]],
    ['[Ticket #128] VPN', [128]],
    ['Re: Demande #128', [128]],
    ['RE : demande 128 - imprimante', [128]],
    ['ticket n° 128', [128]],
    ['Ticket nº128', [128]],
    ['Demandes 128', [128]],
    ['Suite à la demande numéro 128', [128]],
    ['Suite à la demande n\u00a0128', []], // "n" alone is not a number word
    ['Suite à la demande n°\u00a0128', [128]],
    ['AW: Anfrage Nr. 128', [128]],
    ['Ihre Anfrage 128', [128]],
    ['RE: Solicitud #128', [128]],
    ['Solicitud número 128', [128]],
    ['R: Richiesta n. 128', [128]],
    // Weak words need # or a number word.
    ['Case #128', [128]],
    ['Re: case no. 128', [128]],
    ['Dossier n° 128', [128]],
    ['Votre dossier numéro 128', [128]],
    ['AW: Fall Nr. 128', [128]],
    ['Vorgang #128', [128]],
    // Several: the bracket first, then by position, no duplicates.
    ['Re: Ticket 12 (was [#99])', [99, 12]],
    ['Ticket 12 and demande #12', [12]],
  ])('%s → %j', (subject, numbers) => {
    expect(subjectTicketNumbers(subject)).toEqual(numbers);
  });

  it.each([
    'Order #4521 shipped',
    '#4521',
    'Re: #4521',
    'Commande #4521 expédiée',
    'Issue #12: crash on start', // GitHub/GitLab notifications
    'Re: [acme/app] Request #12',
    'Pull request #12 merged',
    'Case 128', // weak word, bare number
    'Dossier 2026 des impôts',
    'Im Fall 3 von 5',
    'Tickets for the 2026 conference',
    'Ticket 128abc',
    'Ticket 1.5 release',
    'eticket 128',
    'Ticket 0',
    'Ticket 12345678901',
    '',
  ])('%s → none', (subject) => {
    expect(subjectTicketNumbers(subject)).toEqual([]);
  });

  it('tries at most three numbers', () => {
    expect(subjectTicketNumbers('[#1] [#2] ticket 3 ticket 4')).toEqual([1, 2, 3]);
  });

  it('handles a missing subject', () => {
    expect(subjectTicketNumbers(undefined)).toEqual([]);
  });
});
