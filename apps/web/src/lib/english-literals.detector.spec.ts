import { findEnglishLiterals, isEnglishSentence } from './english-literals.detector';

const texts = (source: string, file = 'sample.tsx') => findEnglishLiterals(file, source).map((l) => l.text);

describe('findEnglishLiterals', () => {
  it('finds visible English: error fallbacks put into state, confirm() texts, document.title', () => {
    const sample = [
      "setError(err.message || 'Could not save the ticket');",
      "if (confirm('Delete this view?')) remove();",
      "document.title = 'Tickets';",
      'throw new Error(`Upload failed (${status})`);',
      "setStatus('Saving…');",
    ].join('\n');
    expect(texts(sample)).toEqual([
      'Could not save the ticket',
      'Delete this view?',
      'Tickets',
      'Upload failed ( x )',
      'Saving…',
    ]);
  });

  it('leaves the strings nobody reads: ids, classes, URLs, events, keys, types, comparisons, logs', () => {
    const sample = [
      "import { x } from './the-file';",
      "type Kind = 'Not a sentence here';",
      "socket.on('conversation.message', f);",
      "el.className = 'p-badge is-open';",
      'const url = `/api/tickets/${n}/comments`;',
      "fetch('https://example.com/a b');",
      "if (err.message === 'The user is offline') retry();",
      "console.warn('Something is off here');",
      "const key = 'ArrowDown';",
      'document.title = `${title} · Switchboard`;',
      "<div data-testid='ticket-row' />;",
    ].join('\n');
    expect(texts(sample)).toEqual([]);
  });

  it('skips the catalogues themselves', () => {
    expect(texts("export const m = defineMessages({ a: 'Start chat' }, { a: 'Démarrer' });", 'x.ts')).toEqual([]);
    expect(texts("const en = { a: 'Start chat' };", 'lib/chat.i18n.ts')).toEqual([]);
  });

  it('tells prose from tokens', () => {
    expect(isEnglishSentence('New support request')).toBe(true);
    expect(isEnglishSentence('try again later')).toBe(true);
    expect(isEnglishSentence('flex items-center gap-2')).toBe(false);
    expect(isEnglishSentence('application/json')).toBe(false);
    expect(isEnglishSentence('Switchboard')).toBe(false);
  });
});
