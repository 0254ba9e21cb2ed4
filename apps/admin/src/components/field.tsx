import { useId, type InputHTMLAttributes, type ReactNode } from 'react';

interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  label: string;
  name: string;
  hint?: ReactNode;
}

/** A labelled input with an optional hint tied to it through aria-describedby. */
export function Field({ label, hint, ...input }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} {...input} {...(hint === undefined ? {} : { 'aria-describedby': hintId })} />
      {hint !== undefined && (
        <small id={hintId} className="hint">
          {hint}
        </small>
      )}
    </div>
  );
}

interface SelectFieldProps {
  label: string;
  name: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  defaultValue?: string;
  value?: string;
  onChange?: (value: string) => void;
}

export function SelectField({ label, name, options, defaultValue, value, onChange }: SelectFieldProps) {
  const id = useId();
  const control = value === undefined ? { defaultValue } : { value, onChange: (event: { target: { value: string } }) => onChange?.(event.target.value) };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} {...control}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

interface NamePickerProps {
  legend: string;
  /** The checkbox group's field name; `${name}_extra` holds typed names. */
  name: string;
  known: readonly string[];
  selected: readonly string[];
  hint: string;
}

/** A checkbox per known name plus a text field for names or patterns not in the list (`openai/*`). */
export function NamePicker({ legend, name, known, selected, hint }: NamePickerProps) {
  const extraId = useId();
  const extra = selected.filter((item) => !known.includes(item));
  return (
    <fieldset className="name-picker">
      <legend>{legend}</legend>
      <p className="hint">{hint}</p>
      <div className="checkbox-grid">
        {known.map((item) => (
          <label key={item} className="checkbox">
            <input type="checkbox" name={name} value={item} defaultChecked={selected.includes(item)} /> {item}
          </label>
        ))}
      </div>
      <label htmlFor={extraId}>Other names or patterns (comma-separated)</label>
      <input id={extraId} name={`${name}_extra`} defaultValue={extra.join(', ')} />
    </fieldset>
  );
}
