import { ValidationFailedError } from '@switchboard/core';
import { assertKnownPlaceholders, renderTemplate } from './quick-reply-template.js';

const context = {
  contact: { firstName: 'Melissa', lastName: 'Jones', name: 'Melissa Jones', email: 'm@example.com' },
  ticket: { number: 42, title: 'Printer', status: 'open', priority: 'high' },
  technician: { name: 'Tom', email: 't@example.com' },
  company: { name: 'Acme' },
};

describe('quick reply templates', () => {
  it('renders known placeholders', () => {
    expect(renderTemplate('Hi {{contact.firstName}}, about #{{ticket.number}} — {{technician.name}}', context)).toBe(
      'Hi Melissa, about #42 — Tom',
    );
  });

  it('does not HTML-escape (replies are plain text)', () => {
    expect(renderTemplate('{{ticket.title}}', { ...context, ticket: { ...context.ticket, title: 'A & B <c>' } })).toBe(
      'A & B <c>',
    );
  });

  it('supports if/unless blocks on known placeholders', () => {
    expect(renderTemplate('{{#if company.name}}at {{company.name}}{{/if}}', context)).toBe('at Acme');
  });

  it('names an unknown placeholder instead of rendering an empty string', () => {
    try {
      renderTemplate('Hi {{contact.fristName}}', context);
      throw new Error('expected a ValidationFailedError');
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationFailedError);
      expect((error as ValidationFailedError).message).toContain('{{contact.fristName}}');
      expect((error as ValidationFailedError).fieldErrors.body[0]).toContain('contact.fristName');
    }
  });

  it('refuses helpers and partials', () => {
    expect(() => assertKnownPlaceholders('{{lookup ticket "x"}}')).toThrow(ValidationFailedError);
    expect(() => assertKnownPlaceholders('{{> evil}}')).toThrow(ValidationFailedError);
  });

  it('reports a syntax error as a 400 on the body', () => {
    expect(() => assertKnownPlaceholders('{{#if x}}')).toThrow(ValidationFailedError);
  });
});
