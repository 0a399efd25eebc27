// The API's refusals for one form field, each its own alert line under the field.
export function FieldErrors({ errors, field }: { errors: Record<string, string[]>; field: string }) {
  return (
    <>
      {errors[field]?.map((text) => (
        <span class="form-error small block" key={text} role="alert" data-testid="field-error">
          {text}
        </span>
      ))}
    </>
  );
}
