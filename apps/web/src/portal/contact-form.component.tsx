// The visitor's first step: name, email and question, then either a live chat or a support request.
import { useRef, useState } from 'preact/hooks';
import { lang, S } from './i18n';
import { portalApi, PortalError, type PortalInfo, type Submission } from './portal.api';
import type { StoredSession } from './visitor-chat.hook';

interface Props {
  subdomain: string;
  portal: PortalInfo;
  mode: 'chat' | 'request';
  onCreated(session: StoredSession): void;
  /** The portal went inactive meanwhile (503): reload the view. */
  onUnavailable(): void;
}

type Field = keyof Omit<Submission, 'language' | 'proactive'>;
const FIELDS: Field[] = ['firstName', 'lastName', 'email', 'question'];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function ContactForm({ subdomain, portal, mode, onCreated, onUnavailable }: Props) {
  const [values, setValues] = useState<Record<Field, string>>({ firstName: '', lastName: '', email: '', question: '' });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const refs = useRef<Partial<Record<Field, HTMLInputElement | HTMLTextAreaElement | null>>>({});
  const maxLength = portal.maxLength ?? 1000;

  const validate = (): Partial<Record<Field, string>> => {
    const e: Partial<Record<Field, string>> = {};
    for (const f of FIELDS) if (!values[f].trim()) e[f] = S.required;
    if (!e.email && !EMAIL.test(values.email.trim())) e.email = S.invalidEmail;
    return e;
  };

  const submit = async (ev: Event) => {
    ev.preventDefault();
    if (busy) return;
    const found = validate();
    setErrors(found);
    const first = FIELDS.find((f) => found[f]);
    if (first) {
      setFormError(S.fixErrors);
      refs.current[first]?.focus();
      return;
    }
    setBusy(true);
    setFormError(null);
    const body: Submission = {
      firstName: values.firstName.trim(),
      lastName: values.lastName.trim(),
      email: values.email.trim(),
      question: values.question.trim(),
      language: navigator.language || lang,
      // Opened from the embed widget's proactive invitation (#14): the agent's offer says so.
      ...(mode === 'chat' && new URLSearchParams(location.search).get('proactive') === '1' ? { proactive: true } : {}),
    };
    try {
      const created =
        mode === 'chat' ? await portalApi.startChat(subdomain, body) : await portalApi.sendRequest(subdomain, body);
      onCreated({
        kind: created.type === 'live_chat' ? 'chat' : 'request',
        token: created.token,
        caseId: created.caseId,
        firstName: body.firstName,
        email: body.email,
        messages: [],
      });
    } catch (err) {
      setBusy(false);
      if (err instanceof PortalError && (err.code === 'PORTAL_UNAVAILABLE' || err.status === 503))
        return onUnavailable();
      if (err instanceof PortalError && err.status === 400 && Object.keys(err.fieldErrors).length) {
        const server: Partial<Record<Field, string>> = {};
        for (const f of FIELDS)
          if (err.fieldErrors[f]?.length) server[f] = f === 'email' ? S.invalidEmail : err.fieldErrors[f][0];
        setErrors(server);
        setFormError(S.fixErrors);
        return;
      }
      setFormError(S.genericError);
    }
  };

  const field = (name: Field, label: string, type: 'text' | 'email' | 'textarea', autocomplete?: string) => {
    const id = `p-${name}`;
    const error = errors[name];
    const common = {
      id,
      name,
      value: values[name],
      required: true,
      'aria-invalid': error ? ('true' as const) : undefined,
      'aria-describedby': error ? `${id}-error` : undefined,
      'data-testid': `portal-${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`,
      onInput: (e: Event) => {
        const v = (e.currentTarget as HTMLInputElement).value;
        setValues((s) => ({ ...s, [name]: v }));
        if (errors[name]) setErrors((s) => ({ ...s, [name]: undefined }));
      },
    };
    return (
      <div class={`p-field${name === 'question' || name === 'email' ? ' p-span' : ''}`}>
        <label for={id}>{label}</label>
        {type === 'textarea' ? (
          <textarea {...common} ref={(el) => void (refs.current[name] = el)} rows={4} maxLength={maxLength} />
        ) : (
          <input
            {...common}
            ref={(el) => void (refs.current[name] = el)}
            type={type as 'text'}
            autoComplete={autocomplete}
            maxLength={200}
          />
        )}
        {error && (
          <span class="p-field-error" id={`${id}-error`}>
            {error}
          </span>
        )}
      </div>
    );
  };

  const title = mode === 'chat' ? S.chatTitle : S.requestTitle;
  return (
    <form
      class="p-card p-form"
      noValidate
      onSubmit={submit}
      aria-labelledby="p-form-title"
      data-testid={mode === 'chat' ? 'portal-chat-form' : 'portal-request-form'}
    >
      <h1 id="p-form-title">{title}</h1>
      {portal.welcomeText && mode === 'chat' && <p class="p-welcome">{portal.welcomeText}</p>}
      <p class="p-intro">{mode === 'chat' ? S.chatIntro : S.requestIntro}</p>
      <div class="p-grid">
        {field('firstName', S.firstName, 'text', 'given-name')}
        {field('lastName', S.lastName, 'text', 'family-name')}
        {field('email', S.email, 'email', 'email')}
        {field('question', S.question, 'textarea')}
      </div>
      {formError && (
        <p class="p-error" role="alert" data-testid="portal-form-error">
          {formError}
        </p>
      )}
      <button type="submit" class="p-btn p-btn-block" disabled={busy} aria-busy={busy} data-testid="portal-submit">
        {busy ? S.sending : mode === 'chat' ? S.startChat : S.sendRequest}
      </button>
    </form>
  );
}
