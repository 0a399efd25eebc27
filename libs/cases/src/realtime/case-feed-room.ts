// Rooms of the Cases page's live list (CaseFeedGateway). A socket joins, when it watches, the rooms
// of the companies its principal serves (or the "all companies" room) and its account's room; an
// access change drops the socket (SocketRevocation), so the page watches again with the new scope.

/** Sockets of accounts that serve every company (admins, unrestricted technicians). */
export const CASE_FEED_ALL_ROOM = 'case-feed:all';

export const caseFeedCompanyRoom = (companyId: string): string => `case-feed:company:${companyId}`;

/** One account's watching sockets (events that go to some of a company's technicians only). */
export const caseFeedAccountRoom = (accountId: string): string => `case-feed:account:${accountId}`;

/** Everyone watching who may see this company's cases. */
export const caseFeedRooms = (companyId: string): string[] => [CASE_FEED_ALL_ROOM, caseFeedCompanyRoom(companyId)];

export const isCaseFeedRoom = (room: string): boolean => room.startsWith('case-feed:');
