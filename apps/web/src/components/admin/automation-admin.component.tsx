// Admin → Automation rules: the rules in the order they run, enable/disable, the rule builder
// (rule-form.component.tsx) to create or edit one, delete.
import { useEffect, useState } from 'preact/hooks';
import { adminConfigApi, type NewRule, type Rule } from '../../lib/admin-config.api';
import { act, actOr } from '../../lib/admin-config.i18n';
import { ticketsApi } from '../../lib/tickets.api';
import { AdminAlert } from './admin-alert.component';
import { AdminMessage } from './admin-message.component';
import { ConfirmDelete } from './confirm-delete.component';
import { RuleForm, type RuleChoices } from './rule-form.component';
import { adminErrorText, useAdminList } from './use-admin-list.hook';
import { localLabel } from '../../lib/label';

type Editing = { rule: Rule | null } | null;

/** A status's label in the console language, undefined when the key is unknown. */
const statusLabel = (statuses: RuleChoices['statuses'], key: string): string | undefined => {
  const status = statuses.find((s) => s.key === key);
  return status && localLabel(status);
};

/** "Priority is High or Critical · Type is Incident" (names where the choices know them). */
function describeConditions(rule: Rule, choices: RuleChoices): string {
  const names = (group: string, v: string) =>
    group === 'status'
      ? (statusLabel(choices.statuses, v) ?? v)
      : group === 'companyId'
        ? (choices.companies.find((c) => c.id === v)?.name ?? v)
        : actOr(`${group}.${v}`, v);
  const parts = Object.entries(rule.conditions as Record<string, string[]>)
    .filter(([, v]) => v?.length)
    .map(([group, values]) => `${actOr(`cond.${group}`, group)} ${values.map((v) => names(group, v)).join(' / ')}`);
  return parts.length ? parts.join(' · ') : act('anyTicket');
}

function describeActions(rule: Rule, choices: RuleChoices): string {
  return rule.actions
    .map((a) => {
      const verb = actOr(`action.${a.type}`, a.type);
      if (a.type === 'set_status')
        return `${verb} ${(a.status && statusLabel(choices.statuses, a.status)) ?? a.status}`;
      if (a.type === 'set_priority') return `${verb} ${actOr(`priority.${a.priority}`, String(a.priority))}`;
      if (a.type === 'assign')
        return `${verb} ${choices.accounts.find((p) => p.id === a.accountId)?.name ?? a.accountId}`;
      if (a.type === 'notify')
        return `${verb} ${(a.accountIds ?? []).map((id) => choices.accounts.find((p) => p.id === id)?.name ?? id).join(', ')}`;
      return verb;
    })
    .join(' · ');
}

export function AutomationAdmin() {
  const {
    items: rules,
    reload,
    loadError,
    setLoadError,
    busy,
    message,
    setMessage,
    run,
  } = useAdminList(adminConfigApi.rules);
  const [choices, setChoices] = useState<RuleChoices>({ statuses: [], companies: [], accounts: [] });
  const [editing, setEditing] = useState<Editing>(null);

  useEffect(() => {
    // The builder's choices, each on its own: one that fails leaves its list empty and its error shown.
    const fail = (err: unknown) => setLoadError(adminErrorText(err, act('loadFailed')));
    adminConfigApi.statuses().then((statuses) => setChoices((c) => ({ ...c, statuses })), fail);
    ticketsApi.companies().then((companies) => setChoices((c) => ({ ...c, companies })), fail);
    adminConfigApi.accounts().then((accounts) => setChoices((c) => ({ ...c, accounts })), fail);
  }, []);

  // Moves one rule a step and sends the whole order (the API's unit: every id, first to last).
  const move = (index: number, by: -1 | 1) => {
    if (!rules) return;
    const ids = rules.map((r) => r.id);
    const [id] = ids.splice(index, 1);
    ids.splice(index + by, 0, id);
    void run(() => adminConfigApi.reorderRules(ids), act('reordered', { name: rules[index].name }));
  };

  const save = async (body: NewRule) => {
    const rule = editing?.rule;
    const saved = rule ? await adminConfigApi.updateRule(rule.id, body) : await adminConfigApi.createRule(body);
    setEditing(null);
    setMessage({ ok: true, text: rule ? act('saved') : act('created', { name: saved.name }) });
    await reload();
  };

  return (
    <section
      class="card"
      aria-labelledby="automation-heading"
      aria-busy={rules === null}
      data-testid="automation-admin"
    >
      <div class="page-head">
        <h2 id="automation-heading" class="card-title">
          {act('automationTitle')}
        </h2>
        <button
          type="button"
          class="btn btn-primary btn-sm"
          disabled={busy}
          onClick={() => {
            setMessage(null);
            setEditing({ rule: null });
          }}
          data-testid="rule-new"
        >
          {act('newRule')}
        </button>
      </div>
      <AdminAlert text={loadError} />
      <AdminMessage message={message} />
      {editing && (
        <RuleForm
          key={editing.rule?.id ?? 'new'}
          rule={editing.rule}
          choices={choices}
          onCancel={() => setEditing(null)}
          save={save}
        />
      )}
      {rules && rules.length === 0 && !editing && <p class="muted">{act('noRules')}</p>}
      {rules && rules.length > 0 && (
        <div class="table-wrap">
          <p class="muted small">{act('ruleOrder')}</p>
          <table class="table" data-testid="rules-table">
            <thead>
              <tr>
                <th scope="col">{act('ruleName')}</th>
                <th scope="col">{act('when')}</th>
                <th scope="col">{act('then')}</th>
                <th scope="col">
                  <span class="visually-hidden">{act('actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rules.map((r, i) => (
                <tr key={r.id} data-testid="rule-row" data-name={r.name} data-enabled={String(r.enabled)}>
                  <td>
                    <span class="block">{r.name}</span>
                    <span class={`pill pill-${r.enabled ? 'ok' : 'off'}`} data-testid="rule-state">
                      {r.enabled ? act('ruleEnabled') : act('ruleDisabled')}
                    </span>
                    {r.systemKey && <span class="muted small"> {act('ruleSystem')}</span>}
                  </td>
                  <td>
                    <span class="block">{actOr(`trigger.${r.trigger}`, r.trigger)}</span>
                    <span class="muted small">{describeConditions(r, choices)}</span>
                  </td>
                  <td class="small">{describeActions(r, choices)}</td>
                  <td class="row-actions">
                    <button
                      type="button"
                      class="btn btn-ghost btn-sm"
                      disabled={busy || i === 0}
                      aria-label={act('moveUp', { name: r.name })}
                      title={act('moveUp', { name: r.name })}
                      onClick={() => move(i, -1)}
                      data-testid="rule-up"
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      class="btn btn-ghost btn-sm"
                      disabled={busy || i === rules.length - 1}
                      aria-label={act('moveDown', { name: r.name })}
                      title={act('moveDown', { name: r.name })}
                      onClick={() => move(i, 1)}
                      data-testid="rule-down"
                    >
                      ↓
                    </button>
                    <button
                      type="button"
                      class="btn btn-ghost btn-sm"
                      disabled={busy}
                      onClick={() =>
                        void run(
                          () => adminConfigApi.updateRule(r.id, { enabled: !r.enabled }),
                          r.enabled ? act('ruleDisabled') : act('ruleEnabled'),
                        )
                      }
                      data-testid="rule-toggle"
                    >
                      {r.enabled ? act('disable') : act('enable')}
                    </button>
                    <button
                      type="button"
                      class="btn btn-ghost btn-sm"
                      disabled={busy}
                      onClick={() => {
                        setMessage(null);
                        setEditing({ rule: r });
                      }}
                      data-testid="rule-edit"
                    >
                      {act('edit')}
                    </button>
                    <ConfirmDelete
                      name={r.name}
                      disabled={busy}
                      onConfirm={() =>
                        void run(() => adminConfigApi.deleteRule(r.id), act('deleted', { name: r.name }))
                      }
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
