import { newTestService } from '@switchboard/testing';
import { TicketCommentEntity } from '../entities/ticket-comment.entity.js';
import { TicketEntity } from '../entities/ticket.entity.js';
import { TicketCommentRepository } from '../repositories/ticket-comment.repository.js';
import { TicketRepository } from '../repositories/ticket.repository.js';
import { EARLIER_LINE_CHARS, EARLIER_REPLIES, TicketChatLinkService } from './ticket-chat-link.service.js';

const AT = new Date(Date.UTC(2026, 0, 1));
const ticket = (over: Partial<TicketEntity> = {}) =>
  Object.assign(new TicketEntity(), {
    id: 't1',
    number: 7,
    description: 'The VPN drops.',
    createdAt: AT,
    companyId: 'co',
    ...over,
  });
const comment = (i: number, over: Partial<TicketCommentEntity> = {}) =>
  Object.assign(new TicketCommentEntity(), {
    id: `c${i}`,
    body: `reply ${i}`,
    authorKind: 'account',
    authorName: 'Tess',
    visibility: 'public',
    opening: false,
    createdAt: new Date(AT.getTime() + i * 1000),
    ...over,
  });

describe('TicketChatLinkService.earlierConversation (defect 8)', () => {
  it('the Request then the public replies oldest first; the opening mail is the Request, not a reply', async () => {
    const { sut, fake } = newTestService(TicketChatLinkService);
    fake(TicketRepository).findById.mockResolvedValue(ticket());
    // The repository answers newest first and public only.
    fake(TicketCommentRepository).latestPublic.mockResolvedValue([
      comment(2, { authorKind: 'contact', authorName: 'Jane' }),
      comment(1),
      comment(0, { opening: true }),
    ]);
    const earlier = await sut.earlierConversation('t1', 'Jane Doe');
    expect(fake(TicketCommentRepository).latestPublic).toHaveBeenCalledWith('t1', EARLIER_REPLIES + 2);
    expect(earlier).toEqual({
      number: 7,
      more: false,
      lines: [
        { author: { kind: 'contact', name: 'Jane Doe' }, body: 'The VPN drops.', createdAt: AT.toISOString() },
        { author: { kind: 'account', name: 'Tess' }, body: 'reply 1', createdAt: expect.any(String) },
        { author: { kind: 'contact', name: 'Jane' }, body: 'reply 2', createdAt: expect.any(String) },
      ],
    });
  });

  it('keeps the latest replies, says there were more, and cuts long bodies', async () => {
    const { sut, fake } = newTestService(TicketChatLinkService);
    fake(TicketRepository).findById.mockResolvedValue(ticket({ description: '  ' }));
    const many = Array.from({ length: EARLIER_REPLIES + 2 }, (_, i) => comment(100 - i));
    many[0].body = 'x'.repeat(EARLIER_LINE_CHARS + 50);
    fake(TicketCommentRepository).latestPublic.mockResolvedValue(many);
    const earlier = (await sut.earlierConversation('t1', 'Jane'))!;
    expect(earlier.more).toBe(true);
    expect(earlier.lines).toHaveLength(EARLIER_REPLIES); // an empty description is no Request line
    expect(earlier.lines[0].body).toBe(`reply ${100 - EARLIER_REPLIES + 1}`);
    const last = earlier.lines[earlier.lines.length - 1].body;
    expect(Array.from(last)).toHaveLength(EARLIER_LINE_CHARS);
    expect(last.endsWith('…')).toBe(true);
  });

  it('a ticket deleted meanwhile: null', async () => {
    const { sut, fake } = newTestService(TicketChatLinkService);
    fake(TicketRepository).findById.mockResolvedValue(null);
    expect(await sut.earlierConversation('gone', 'Jane')).toBeNull();
  });
});
