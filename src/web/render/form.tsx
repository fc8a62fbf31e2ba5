import type { ComponentChildren } from 'preact';
import type { FieldError } from '../../common/problem/problem-details';
import type { WebContext } from '../session/web-context';

/** What a form shows again after it was refused: the values sent and the errors per field. */
export interface FormState {
  values: Record<string, string>;
  errors: FieldError[];
  /** An error that belongs to no one field. */
  message?: string;
}

export const emptyForm = (): FormState => ({ values: {}, errors: [] });

export const errorOf = (form: FormState, field: string): string | undefined =>
  form.errors.find((error) => error.field === field)?.message;

/** Lists every error at the top, each linking to its field, and takes the focus (bulwark.js). */
export function ErrorSummary({ ctx, form }: { ctx: WebContext; form: FormState }) {
  if (form.errors.length === 0 && !form.message) return null;
  return (
    <div class="error-summary" role="alert" tabIndex={-1} data-autofocus>
      <h2>{ctx.m.form.errorSummary}</h2>
      <ul>
        {form.message ? <li>{form.message}</li> : null}
        {form.errors.map((error) => (
          <li>
            <a href={`#field-${error.field}`}>{error.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

interface FieldProps {
  ctx: WebContext;
  form: FormState;
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
  /** The control; it gets the id, name and ARIA links through `controlProps`. */
  children: (controlProps: ControlProps) => ComponentChildren;
}

export interface ControlProps {
  id: string;
  name: string;
  required?: boolean;
  'aria-invalid'?: 'true';
  'aria-describedby'?: string;
}

/** A labelled field with its hint and its error tied to the control for screen readers. */
export function Field({ ctx, form, name, label, hint, required, children }: FieldProps) {
  const id = `field-${name}`;
  const error = errorOf(form, name);
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for={id}>
        {label}
        <span class="field-need"> ({required ? ctx.m.form.required : ctx.m.form.optional})</span>
      </label>
      {hint ? (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p class="error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      {children({
        id,
        name,
        required,
        ...(error ? { 'aria-invalid': 'true' as const } : {}),
        ...(described.length > 0 ? { 'aria-describedby': described.join(' ') } : {}),
      })}
    </div>
  );
}

/** Options of a select, with the current value chosen. */
export function Options({
  values,
  labels,
  selected,
  blank,
}: {
  values: readonly string[];
  labels: Record<string, string>;
  selected?: string;
  blank?: string;
}) {
  return (
    <>
      {blank !== undefined ? <option value="">{blank}</option> : null}
      {values.map((value) => (
        <option value={value} selected={value === selected}>
          {labels[value]}
        </option>
      ))}
    </>
  );
}
