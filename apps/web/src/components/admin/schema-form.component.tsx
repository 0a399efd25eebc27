// One form for every typed-settings schema (plugin manifests, the core's settings registry): a field per
// setting (text, number, checkbox, select, secret, multi-choice list), the server's field errors in place.
// The parent owns values, errors and saving; validation is the server's (noValidate), so what it refuses
// is shown under the field it names rather than in a browser bubble.
import type { ComponentChildren, FormHTMLAttributes } from 'preact';

export interface SchemaOption {
  value: string;
  label: string;
}

export interface SchemaField {
  key: string;
  label: string;
  type: 'string' | 'number' | 'boolean' | 'select' | 'secret' | 'list';
  required?: boolean;
  options?: SchemaOption[];
  min?: number;
  max?: number;
  /** number: whole numbers only. */
  integer?: boolean;
  placeholder?: string;
  /** Shown under the field (e.g. where the current value comes from). */
  hint?: string;
}

export type SchemaValues = Record<string, unknown>;

interface Props {
  /** Prefix of the inputs' ids (unique on the page). */
  idPrefix: string;
  fields: SchemaField[];
  values: SchemaValues;
  errors: Record<string, string[]>;
  busy: boolean;
  onChange(key: string, value: unknown): void;
  onSubmit(): void;
  /** Attributes of the <form> (class, data-testid, data-*). */
  attrs?: FormHTMLAttributes<HTMLFormElement> & Record<`data-${string}`, string>;
  /** Rendered after a field's input (e.g. a reset button). */
  fieldExtra?(field: SchemaField): ComponentChildren;
  /** Before the fields (e.g. a scope picker). */
  header?: ComponentChildren;
  /** The actions row (save button, messages). */
  children?: ComponentChildren;
}

export function SchemaForm(props: Props) {
  const { idPrefix, fields, values, errors, busy, onChange } = props;
  const idOf = (key: string) => `${idPrefix}-${key.replace(/[^A-Za-z0-9_-]/g, '-')}`;

  const input = (field: SchemaField) => {
    const id = idOf(field.key);
    const value = values[field.key];
    const invalid = errors[field.key] ? true : undefined;
    const described = errors[field.key] || field.hint ? `${id}-help` : undefined;
    const common = { id, name: field.key, disabled: busy, 'aria-invalid': invalid, 'aria-describedby': described };
    switch (field.type) {
      case 'boolean':
        return (
          <input
            {...common}
            type="checkbox"
            checked={!!value}
            onChange={(e) => onChange(field.key, e.currentTarget.checked)}
          />
        );
      case 'select':
        return (
          <select {...common} value={String(value ?? '')} onChange={(e) => onChange(field.key, e.currentTarget.value)}>
            {field.options?.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        );
      case 'list': {
        const chosen = Array.isArray(value) ? (value as unknown[]).map(String) : [];
        return (
          <span class="schema-list" role="group" aria-labelledby={`${id}-label`} aria-describedby={described}>
            {field.options?.map((o) => (
              <label key={o.value} class="schema-list-item">
                <input
                  type="checkbox"
                  name={field.key}
                  value={o.value}
                  disabled={busy}
                  checked={chosen.includes(o.value)}
                  onChange={(e) =>
                    onChange(
                      field.key,
                      e.currentTarget.checked ? [...chosen, o.value] : chosen.filter((v) => v !== o.value),
                    )
                  }
                />{' '}
                {o.label}
              </label>
            ))}
          </span>
        );
      }
      case 'number':
        return (
          <input
            {...common}
            type="number"
            step={field.integer ? 1 : 'any'}
            min={field.min}
            max={field.max}
            placeholder={field.placeholder}
            value={value === undefined || value === null ? '' : String(value)}
            onInput={(e) => onChange(field.key, e.currentTarget.value === '' ? '' : Number(e.currentTarget.value))}
          />
        );
      default: {
        const text = value === undefined || value === null ? '' : String(value);
        const onInput = (e: Event) => onChange(field.key, (e.currentTarget as HTMLInputElement).value);
        return field.type === 'secret' ? (
          <input
            {...common}
            type="password"
            autoComplete="off"
            value={text}
            placeholder={field.placeholder}
            onInput={onInput}
          />
        ) : (
          <input
            {...common}
            type="text"
            autoComplete="off"
            value={text}
            placeholder={field.placeholder}
            onInput={onInput}
          />
        );
      }
    }
  };

  return (
    <form
      {...props.attrs}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit();
      }}
    >
      {props.header}
      {fields.map((field) => (
        <div class="field" key={field.key} data-setting={field.key}>
          {field.type === 'list' ? (
            <span class="field-label" id={`${idOf(field.key)}-label`}>
              {field.label}
              {field.required ? ' *' : ''}
            </span>
          ) : (
            <label class="field-label" for={idOf(field.key)}>
              {field.label}
              {field.required ? ' *' : ''}
            </label>
          )}
          {input(field)}
          {props.fieldExtra?.(field)}
          <span id={`${idOf(field.key)}-help`}>
            {field.hint && <span class="muted small block">{field.hint}</span>}
            {errors[field.key]?.map((text) => (
              <span class="form-error small block" key={text} data-testid="field-error">
                {text}
              </span>
            ))}
          </span>
        </div>
      ))}
      {props.children}
    </form>
  );
}
