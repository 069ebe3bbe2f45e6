import { useId, type InputHTMLAttributes, type ReactNode, type Ref, type TextareaHTMLAttributes } from 'react';

interface FieldFrameProps {
  inputId: string;
  label: string;
  hint: string | undefined;
  error: string | undefined;
  /** A line under the control that describes it too (a character count). */
  note?: ReactNode;
  children: ReactNode;
}

/** The ids the control's aria-describedby lists: its hint, note and error, when present. */
function describedBy(inputId: string, parts: { hint?: string | undefined; note?: boolean; error?: string | undefined }): string | undefined {
  const ids = [parts.hint ? `${inputId}-hint` : null, parts.note ? `${inputId}-note` : null, parts.error ? `${inputId}-error` : null];
  return ids.filter(Boolean).join(' ') || undefined;
}

/** A field's label, hint, note and error around its control, with the ids `describedBy` names. */
function FieldFrame({ inputId, label, hint, error, note, children }: FieldFrameProps) {
  return (
    <div className="field">
      <label htmlFor={inputId}>{label}</label>
      {hint ? (
        <span id={`${inputId}-hint`} className="hint">
          {hint}
        </span>
      ) : null}
      {children}
      {note}
      {error ? (
        <span id={`${inputId}-error`} className="field-error">
          {error}
        </span>
      ) : null}
    </div>
  );
}

interface TextFieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  hint?: string;
  error?: string | undefined;
  ref?: Ref<HTMLInputElement>;
}

/** A labelled input with its hint and error tied to it for assistive technology. */
export function TextField({ label, hint, error, id, type = 'text', ...input }: TextFieldProps) {
  const generated = useId();
  const inputId = id ?? generated;
  return (
    <FieldFrame inputId={inputId} label={label} hint={hint} error={error}>
      <input id={inputId} type={type} aria-invalid={error ? true : undefined} aria-describedby={describedBy(inputId, { hint, error })} {...input} />
    </FieldFrame>
  );
}

interface TextAreaFieldProps extends TextareaHTMLAttributes<HTMLTextAreaElement> {
  label: string;
  value: string;
  hint?: string;
  error?: string | undefined;
  ref?: Ref<HTMLTextAreaElement>;
}

/** A labelled textarea with its hint and error tied to it and, when it has a `maxLength`, a count of its characters. */
export function TextAreaField({ label, hint, error, id, value, maxLength, ...textarea }: TextAreaFieldProps) {
  const generated = useId();
  const inputId = id ?? generated;
  const count =
    maxLength === undefined ? null : (
      <span id={`${inputId}-note`} className={`hint count${maxLength - value.length <= maxLength / 10 ? ' low' : ''}`}>
        {value.length.toLocaleString()} of {maxLength.toLocaleString()} characters
      </span>
    );
  return (
    <FieldFrame inputId={inputId} label={label} hint={hint} error={error} note={count}>
      <textarea
        id={inputId}
        value={value}
        maxLength={maxLength}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(inputId, { hint, note: count !== null, error })}
        {...textarea}
      />
    </FieldFrame>
  );
}
