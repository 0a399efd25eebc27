import { htmlToPlainText } from './html-text.js';

describe('htmlToPlainText (#13.12 HTML-only mail)', () => {
  it('keeps paragraphs and links readable as "text [url]"; drops images, scripts and styles', () => {
    const { reply } = htmlToPlainText(
      '<html><head><style>p{color:red}</style><title>x</title></head><body>' +
        '<script>alert(1)</script><h2>Printer</h2><p>It is <b>on fire</b>, see <a href="https://status.example/42">the status page</a>.</p>' +
        '<p><img src="https://track.example/p.gif" alt="pixel">Thanks,<br>Melissa</p>' +
        '<p><a href="https://plain.example/">https://plain.example/</a></p></body></html>',
    );
    expect(reply).toBe(
      'Printer\n\nIt is on fire, see the status page [https://status.example/42].\n\nThanks,\nMelissa\n\nhttps://plain.example/',
    );
    expect(reply).not.toMatch(/alert|color:red|pixel|track\.example/);
  });

  it('cuts the quoted history (blockquote, gmail_quote) but keeps the whole text when only a quote is there', () => {
    const gmail = htmlToPlainText(
      '<div dir="ltr">New answer</div><div class="gmail_quote"><div class="gmail_attr">On Mon, Jan 1, 2024 Jane wrote:</div>' +
        '<blockquote class="gmail_quote">Old question</blockquote></div>',
    );
    expect(gmail.reply).toBe('New answer');
    expect(gmail.full).toContain('Old question');
    const apple = htmlToPlainText('<div>Yes please</div><blockquote type="cite"><div>Shall we?</div></blockquote>');
    expect(apple.reply).toBe('Yes please');
    expect(htmlToPlainText('<blockquote>only a quote</blockquote>').reply).toContain('only a quote');
  });

  it('layout tables (most HTML mail) keep their text in reading order', () => {
    const { reply } = htmlToPlainText(
      '<table><tr><td><table><tr><td>Model X1</td></tr><tr><td>Serial 123</td></tr></table></td></tr></table>',
    );
    expect(reply).toMatch(/Model X1\s+Serial 123/);
  });
});
