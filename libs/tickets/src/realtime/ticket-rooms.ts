/** socket.io rooms on /agent for tickets (rooms, not socket ids: the Redis adapter carries them). */
export const TicketRooms = {
  all: 'tickets:all',
  company: (companyId: string) => `tickets:company:${companyId}`,
  ticket: (number: number) => `ticket:${number}`,
  /** Who receives list updates for a ticket of this company. */
  list: (companyId: string) => ['tickets:all', `tickets:company:${companyId}`],
};
