import { matchesConditions } from './rule-matcher.js';

const ticket = {
  status: 'pending',
  priority: 'high',
  type: 'incident',
  companyId: 'c1',
  source: 'email',
  sentiment: 'negative',
} as const;

describe('matchesConditions', () => {
  it('matches when no condition is set', () => {
    expect(matchesConditions({}, ticket)).toBe(true);
  });

  it('needs every present condition to match (each is one-of)', () => {
    expect(matchesConditions({ status: ['pending', 'resolved'] }, ticket)).toBe(true);
    expect(matchesConditions({ status: ['pending'], priority: ['low'] }, ticket)).toBe(false);
    expect(matchesConditions({ companyId: ['c2'] }, ticket)).toBe(false);
    expect(matchesConditions({ source: ['email', 'portal'], type: ['incident'] }, ticket)).toBe(true);
  });

  it('matches the sentiment; a ticket without one matches no sentiment list', () => {
    expect(matchesConditions({ sentiment: ['negative'] }, ticket)).toBe(true);
    expect(matchesConditions({ sentiment: ['positive', 'neutral'] }, ticket)).toBe(false);
    expect(matchesConditions({ sentiment: ['negative'] }, { ...ticket, sentiment: null })).toBe(false);
    expect(matchesConditions({}, { ...ticket, sentiment: null })).toBe(true);
  });

  it('treats an empty list as "any"', () => {
    expect(matchesConditions({ status: [] }, ticket)).toBe(true);
  });
});
