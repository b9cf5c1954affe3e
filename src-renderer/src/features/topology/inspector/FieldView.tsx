import { formatPath } from '../../../../../src-preload/contract/index.js';
import { currentVariant } from './field-paths.js';
import { FieldFindings, FieldRow, ResetButton, useFieldEdit } from './FieldRow.js';
import { ItemsField } from './ItemsField.js';
import { BooleanField, ChoiceField, ChoiceListField, JsonField, LinesField, NumberField, TextField } from './Inputs.js';
import { useInspector } from './inspector-context.js';
import { fieldLabel, starterValue, type ChoiceSpec, type FieldSpec, type ObjectSpec, type VariantsSpec } from './schema-walk.js';

const childOf = (value: unknown, key: string): unknown => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined);

/** The input for one field of the form, by the kind the schema walk gave it. */
export function FieldView({ spec, value }: { spec: FieldSpec; value: unknown }): React.JSX.Element | null {
  const ids = useInspector().choicesFor(spec.path);
  switch (spec.kind) {
    case 'number':
      return <NumberField spec={spec} value={value} />;
    case 'text':
      if (ids === null) return <TextField spec={spec} value={value} />;
      // A reference: the ids it may name, and the one it names even when that is gone (the validator says so).
      return <ChoiceField spec={{ ...spec, kind: 'choice', options: typeof value === 'string' && !ids.includes(value) ? [value, ...ids] : ids }} value={value} />;
    case 'choice':
      return <ChoiceField spec={spec} value={value} />;
    case 'boolean':
      return <BooleanField spec={spec} value={value} />;
    case 'list':
      return spec.item === 'choice' ? <ChoiceListField spec={spec} value={value} /> : <LinesField spec={spec} value={value} />;
    case 'object':
    case 'variants':
      // An optional section that is not there yet is typed in as JSON (its required parts differ by section).
      return value === undefined ? <JsonField spec={spec} value={value} /> : <Section spec={spec} value={value} />;
    case 'items':
      return <ItemsField spec={spec} value={value} />;
    case 'fixed':
      return null;
    case 'json':
    case 'unknown':
      return <JsonField spec={spec} value={value} />;
  }
}

/** The fields of an object, or of the variant a tagged value is, with the tag as a choice. */
export function FieldList({ spec, value, skip = [] }: { spec: ObjectSpec | VariantsSpec; value: unknown; skip?: readonly string[] }): React.JSX.Element {
  const fields = spec.kind === 'object' ? spec.fields : currentVariant(spec, value).fields;
  return (
    <div className="inspector-field-list">
      {spec.kind === 'variants' && !skip.includes(spec.tag) ? <VariantChoice spec={spec} value={value} /> : null}
      {fields
        .filter((f) => !skip.includes(f.key))
        .map((f) => (
          <FieldView key={f.key} spec={f} value={childOf(value, f.key)} />
        ))}
    </div>
  );
}

/** A nested object as a collapsible section; its findings are counted on the summary. */
function Section({ spec, value }: { spec: ObjectSpec | VariantsSpec; value: unknown }): React.JSX.Element {
  const path = formatPath(spec.path);
  const { unset, countWithin } = useInspector();
  const nested = countWithin(path);
  const summary = spec.kind === 'variants' ? String(childOf(value, spec.tag) ?? '') : '';
  return (
    <details className="inspector-section" data-field-path={path} data-testid="inspector-section">
      <summary title={spec.help}>
        <span className="section-label">{spec.label}</span>
        {summary !== '' ? <span className="muted small"> {summary}</span> : null}
        {nested > 0 ? <span className="section-findings" aria-label={`${nested} finding${nested === 1 ? '' : 's'}`}>{nested}</span> : null}
        <ResetButton spec={spec} value={value} onReset={() => void unset(spec.path)} />
      </summary>
      {spec.help !== undefined ? <p className="muted small section-help">{spec.help}</p> : null}
      <FieldFindings path={path} />
      <FieldList spec={spec} value={value} />
    </details>
  );
}

/** The tag of a tagged value (a scaling policy, a distribution type): changing it starts the new variant from its defaults. */
export function VariantChoice({ spec, value }: { spec: VariantsSpec; value: unknown }): React.JSX.Element {
  const edit = useFieldEdit(spec.path);
  const tagSpec: ChoiceSpec = {
    kind: 'choice',
    key: spec.tag,
    label: fieldLabel(spec.tag),
    help: spec.help,
    unit: undefined,
    fallback: undefined,
    required: true,
    path: [...spec.path, spec.tag],
    options: spec.variants.map((v) => v.tag),
  };
  const current = currentVariant(spec, value);
  return (
    <FieldRow spec={tagSpec} value={current.tag} issues={edit.issues} onReset={() => undefined}>
      {({ input, describedBy }) => (
        <select
          id={input}
          className="text-input"
          value={current.tag}
          aria-describedby={describedBy || undefined}
          onChange={(e) => {
            const next = spec.variants.find((v) => v.tag === e.target.value);
            if (next) edit.apply({ value: starterValue(spec, next.tag, value) });
          }}
        >
          {spec.variants.map((v) => (
            <option key={v.tag} value={v.tag}>
              {v.tag}
            </option>
          ))}
        </select>
      )}
    </FieldRow>
  );
}
