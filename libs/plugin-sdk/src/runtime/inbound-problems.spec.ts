import { inboundProblems } from './create-checked-context';

const base = { externalId: '<x@a.example>', from: { address: 'mailer-daemon@a.example' }, text: '' };

describe('inboundProblems: returned (SDK 1.4)', () => {
  it('accepts a bounce with the returned headers', () => {
    expect(
      inboundProblems({
        ...base,
        automatedKind: 'bounce',
        returned: {
          messageId: '<ticket-1.x@helpdesk.example>',
          inReplyTo: '<a@b>',
          references: ['<a@b>'],
          subject: 'Re: [#1] Printer',
          recipient: 'ann@acme.example',
        },
      }),
    ).toEqual([]);
    expect(inboundProblems({ ...base, returned: {} })).toEqual([]);
  });

  it.each([
    [null, 'returned must be an object'],
    ['<a@b>', 'returned must be an object'],
    [['<a@b>'], 'returned must be an object'],
    [{ messageId: 42 }, 'returned.messageId must be a string of at most 2000 characters'],
    [{ subject: 'x'.repeat(2001) }, 'returned.subject must be a string of at most 2000 characters'],
    [{ recipient: {} }, 'returned.recipient must be a string of at most 2000 characters'],
    [{ references: '<a@b>' }, 'returned.references must be at most 100 strings'],
    [{ references: [1] }, 'returned.references must be at most 100 strings'],
    [
      { references: Array.from({ length: 101 }, (_, i) => `<${i}@b>`) },
      'returned.references must be at most 100 strings',
    ],
  ])('refuses %j', (returned, problem) => {
    expect(inboundProblems({ ...base, returned })).toEqual([problem]);
  });
});
