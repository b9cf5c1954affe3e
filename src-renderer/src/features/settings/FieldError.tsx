/** The reason a field's value was refused, right under the field. */
export function FieldError({ id, message }: { id: string; message: string | undefined }): React.JSX.Element | null {
  if (!message) return null;
  return (
    <p id={id} className="field-error" role="alert" data-testid={`${id}`}>
      {message}
    </p>
  );
}
