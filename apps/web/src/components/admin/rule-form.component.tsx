// The automation rule builder: name, trigger, conditions (each group "one of", empty = any) and actions,
// all picked from what the API accepts (automation-rule.dto.ts). The server's field errors are shown
// beside the part they name (name, trigger, conditions.<group>, actions.<n>.<field>).
import { useState } from 'preact/hooks';
import type { Account, NewRule, Rule, RuleAction, RuleConditions, TicketStatus } from '../../lib/admin-config.api';
import { act, actOr } from '../../lib/admin-config.i18n';
import { ApiError } from '../../lib/api.client';
import type { Company } from '../../lib/tickets.types';
import { localLabel } from '../../lib/label';

export const TRIGGERS = [
  'ticket.created',
  'comment.contact',
  'comment.technician',
  'status.changed',
  'sentiment.changed',
] as const satisfies readonly Rule['trigger'][];
const ACTION_TYPES = [
  'set_status',
  'set_priority',
  'assign',
  'add_note',
  'notify',
] as const satisfies readonly RuleAction['type'][];
const PRIORITIES = ['low', 'medium', 'high', 'critical'] as const;
const FIXED_GROUPS = {
  priority: PRIORITIES,
  type: ['incident', 'problem', 'request', 'change'],
  source: ['web', 'email', 'portal', 'chat'],
  sentiment: ['positive', 'negative', 'neutral'],
} as const;
type Group = keyof RuleConditions;
const GROUPS: Group[] = ['status', 'priority', 'type', 'source', 'sentiment', 'companyId'];

export interface RuleChoices {
  statuses: TicketStatus[];
  companies: Company[];
  accounts: Account[];
}

interface Props {
  rule: Rule | null;
  choices: RuleChoices;
  onCancel(): void;
  save(body: NewRule): Promise<unknown>;
}

type Draft = {
  name: string;
  enabled: boolean;
  trigger: Rule['trigger'];
  conditions: Record<string, string[]>;
  actions: RuleAction[];
};

const blankAction = (type: RuleAction['type']): RuleAction => {
  switch (type) {
    case 'set_status':
      return { type, status: '' };
    case 'set_priority':
      return { type, priority: 'high' };
    case 'assign':
      return { type, accountId: '' };
    case 'add_note':
      return { type, body: '' };
    default:
      return { type, accountIds: [], message: '' };
  }
};

/** Only the fields the action's type uses; an empty optional message is left out. */
function toPayload(a: RuleAction): RuleAction {
  switch (a.type) {
    case 'set_status':
      return { type: a.type, status: a.status ?? '' };
    case 'set_priority':
      return { type: a.type, priority: a.priority };
    case 'assign':
      return { type: a.type, accountId: a.accountId ?? '' };
    case 'add_note':
      return { type: a.type, body: a.body ?? '' };
    default:
      return { type: a.type, accountIds: a.accountIds ?? [], ...(a.message ? { message: a.message } : {}) };
  }
}

function Errors({ list }: { list?: string[] }) {
  return (
    <>
      {list?.map((text) => (
        <span class="form-error small block" key={text} role="alert" data-testid="field-error">
          {text}
        </span>
      ))}
    </>
  );
}

export function RuleForm({ rule, choices, onCancel, save }: Props) {
  const [draft, setDraft] = useState<Draft>(() => ({
    name: rule?.name ?? '',
    enabled: rule?.enabled ?? true,
    trigger: rule?.trigger ?? 'ticket.created',
    conditions: { ...(rule?.conditions as Record<string, string[]> | undefined) },
    actions: rule?.actions.map((a) => ({ ...a })) ?? [blankAction('set_priority')],
  }));
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [summary, setSummary] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const setAction = (i: number, a: RuleAction) =>
    setDraft((d) => ({ ...d, actions: d.actions.map((x, j) => (j === i ? a : x)) }));
  const toggle = (group: string, value: string, on: boolean) =>
    setDraft((d) => {
      const current = d.conditions[group] ?? [];
      return {
        ...d,
        conditions: { ...d.conditions, [group]: on ? [...current, value] : current.filter((v) => v !== value) },
      };
    });
  const errorsUnder = (prefix: string) =>
    Object.entries(errors)
      .filter(([k]) => k === prefix || k.startsWith(`${prefix}.`))
      .flatMap(([, v]) => v);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setSummary(null);
    const conditions = Object.fromEntries(Object.entries(draft.conditions).filter(([, v]) => v.length > 0));
    try {
      await save({
        name: draft.name,
        enabled: draft.enabled,
        trigger: draft.trigger,
        conditions,
        actions: draft.actions.map(toPayload),
      });
    } catch (err) {
      setSummary(err instanceof ApiError ? err.message : act('saveFailed'));
      if (err instanceof ApiError) setErrors(err.fieldErrors);
    } finally {
      setBusy(false);
    }
  };

  const options = (group: Group): { value: string; label: string }[] => {
    if (group === 'status') return choices.statuses.map((s) => ({ value: s.key, label: localLabel(s) }));
    if (group === 'companyId') return choices.companies.map((c) => ({ value: c.id, label: c.name }));
    return FIXED_GROUPS[group].map((v) => ({ value: v, label: actOr(`${group}.${v}`, v) }));
  };

  return (
    <form class="portal-form rule-form" onSubmit={submit} noValidate data-testid="rule-form">
      <h3 class="small">{rule ? act('editRule', { name: rule.name }) : act('newRule')}</h3>
      {summary && (
        <p class="form-error" role="alert" data-testid="rule-error">
          {summary}
        </p>
      )}
      <div class="field">
        <label class="field-label" for="rule-name">
          {act('ruleName')}
        </label>
        <input
          id="rule-name"
          name="name"
          value={draft.name}
          maxLength={200}
          disabled={busy}
          aria-invalid={errors.name ? true : undefined}
          onInput={(e) => setDraft({ ...draft, name: e.currentTarget.value })}
        />
        <Errors list={errors.name} />
      </div>
      <label class="checkbox-line">
        <input
          type="checkbox"
          name="enabled"
          checked={draft.enabled}
          disabled={busy}
          onChange={(e) => setDraft({ ...draft, enabled: e.currentTarget.checked })}
        />{' '}
        {act('ruleEnabled')}
      </label>
      <div class="field">
        <label class="field-label" for="rule-trigger">
          {act('when')}
        </label>
        <select
          id="rule-trigger"
          name="trigger"
          value={draft.trigger}
          disabled={busy}
          onChange={(e) => setDraft({ ...draft, trigger: e.currentTarget.value as Rule['trigger'] })}
        >
          {TRIGGERS.map((t) => (
            <option key={t} value={t}>
              {actOr(`trigger.${t}`, t)}
            </option>
          ))}
        </select>
        <Errors list={errors.trigger} />
      </div>
      <fieldset class="rule-conditions" data-testid="rule-conditions">
        <legend class="field-label">{act('conditions')}</legend>
        {GROUPS.map((group) => {
          const list = options(group);
          if (list.length === 0) return null;
          return (
            <div class="rule-group" role="group" aria-labelledby={`cond-${group}`} key={group} data-group={group}>
              <span class="small rule-group-label" id={`cond-${group}`}>
                {actOr(`cond.${group}`, group)}
              </span>
              <span class="schema-list">
                {list.map((o) => (
                  <label key={o.value} class="schema-list-item">
                    <input
                      type="checkbox"
                      name={`conditions.${group}`}
                      value={o.value}
                      disabled={busy}
                      checked={(draft.conditions[group] ?? []).includes(o.value)}
                      onChange={(e) => toggle(group, o.value, e.currentTarget.checked)}
                    />{' '}
                    {o.label}
                  </label>
                ))}
              </span>
              <Errors list={errorsUnder(`conditions.${group}`)} />
            </div>
          );
        })}
        <Errors list={errors.conditions} />
      </fieldset>
      <fieldset class="rule-actions" data-testid="rule-actions">
        <legend class="field-label">{act('then')}</legend>
        {draft.actions.map((a, i) => (
          <div class="rule-action" key={i} data-testid="rule-action" data-index={i}>
            <select
              aria-label={`${act('then')} ${i + 1}`}
              name={`actions.${i}.type`}
              value={a.type}
              disabled={busy}
              onChange={(e) => setAction(i, blankAction(e.currentTarget.value as RuleAction['type']))}
            >
              {ACTION_TYPES.map((t) => (
                <option key={t} value={t}>
                  {actOr(`action.${t}`, t)}
                </option>
              ))}
            </select>
            {a.type === 'set_status' && (
              <select
                aria-label={act('action.set_status')}
                name={`actions.${i}.status`}
                value={a.status ?? ''}
                disabled={busy}
                onChange={(e) => setAction(i, { ...a, status: e.currentTarget.value })}
              >
                <option value="">{act('choose')}</option>
                {choices.statuses.map((s) => (
                  <option key={s.key} value={s.key}>
                    {localLabel(s)}
                  </option>
                ))}
              </select>
            )}
            {a.type === 'set_priority' && (
              <select
                aria-label={act('action.set_priority')}
                name={`actions.${i}.priority`}
                value={a.priority ?? ''}
                disabled={busy}
                onChange={(e) => setAction(i, { ...a, priority: e.currentTarget.value as RuleAction['priority'] })}
              >
                {PRIORITIES.map((p) => (
                  <option key={p} value={p}>
                    {actOr(`priority.${p}`, p)}
                  </option>
                ))}
              </select>
            )}
            {a.type === 'assign' && (
              <select
                aria-label={act('action.assign')}
                name={`actions.${i}.accountId`}
                value={a.accountId ?? ''}
                disabled={busy}
                onChange={(e) => setAction(i, { ...a, accountId: e.currentTarget.value })}
              >
                <option value="">{act('choose')}</option>
                {choices.accounts.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            )}
            {a.type === 'add_note' && (
              <textarea
                aria-label={act('action.add_note')}
                name={`actions.${i}.body`}
                rows={2}
                maxLength={10000}
                value={a.body ?? ''}
                disabled={busy}
                onInput={(e) => setAction(i, { ...a, body: e.currentTarget.value })}
              />
            )}
            {a.type === 'notify' && (
              <>
                <span class="schema-list" role="group" aria-label={act('action.notify')}>
                  {choices.accounts.map((p) => (
                    <label key={p.id} class="schema-list-item">
                      <input
                        type="checkbox"
                        name={`actions.${i}.accountIds`}
                        value={p.id}
                        disabled={busy}
                        checked={(a.accountIds ?? []).includes(p.id)}
                        onChange={(e) =>
                          setAction(i, {
                            ...a,
                            accountIds: e.currentTarget.checked
                              ? [...(a.accountIds ?? []), p.id]
                              : (a.accountIds ?? []).filter((x) => x !== p.id),
                          })
                        }
                      />{' '}
                      {p.name}
                    </label>
                  ))}
                </span>
                <input
                  aria-label={act('notifyMessage')}
                  placeholder={act('notifyMessage')}
                  name={`actions.${i}.message`}
                  maxLength={300}
                  value={a.message ?? ''}
                  disabled={busy}
                  onInput={(e) => setAction(i, { ...a, message: e.currentTarget.value })}
                />
              </>
            )}
            <button
              type="button"
              class="btn btn-ghost btn-sm danger-text"
              disabled={busy || draft.actions.length === 1}
              onClick={() => setDraft({ ...draft, actions: draft.actions.filter((_, j) => j !== i) })}
            >
              {act('removeAction')}
            </button>
            <Errors list={errorsUnder(`actions.${i}`)} />
          </div>
        ))}
        <Errors list={errors.actions} />
        <button
          type="button"
          class="btn btn-secondary btn-sm"
          disabled={busy || draft.actions.length >= 20}
          onClick={() => setDraft({ ...draft, actions: [...draft.actions, blankAction('add_note')] })}
          data-testid="rule-add-action"
        >
          {act('addAction')}
        </button>
      </fieldset>
      <div class="plugin-settings-actions">
        <button type="submit" class="btn btn-primary btn-sm" disabled={busy} data-testid="rule-save">
          {busy ? act('saving') : act('save')}
        </button>
        <button type="button" class="btn btn-ghost btn-sm" onClick={onCancel}>
          {act('cancel')}
        </button>
      </div>
    </form>
  );
}
