/** A labelled number input; a blank or malformed entry becomes NaN, which training refuses naming the field. */
export function NumberField(props: { label: string; testId: string; value: number; min: number; max: number; step?: number; disabled: boolean; onChange(value: number): void }): React.JSX.Element {
  return (
    <label>
      {props.label}
      <input
        type="number"
        data-testid={props.testId}
        min={props.min}
        max={props.max}
        step={props.step ?? 1}
        value={Number.isNaN(props.value) ? '' : props.value}
        disabled={props.disabled}
        onChange={(e) => props.onChange(e.target.value === '' ? NaN : Number(e.target.value))}
      />
    </label>
  );
}
