import { useEffect, useMemo, useRef } from 'react';
import { environmentSettingsSchema, formatPath, groupSchema, linkSchema, NODE_KINDS, NODE_SCHEMAS, scenarioSchema, type Finding, type Topology } from '../../../../../src-preload/contract/index.js';
import { useAppStore } from '../../../stores/context.js';
import { kindInfo } from '../../../ui/node-kinds.js';
import { FindingsPanel } from '../FindingsPanel.js';
import { fieldForPath, targetPath, visibleFieldPaths, type InspectorTarget } from './field-paths.js';
import { FieldFindings } from './FieldRow.js';
import { FieldList } from './FieldView.js';
import { focusFieldElement } from './focus-field.js';
import { InspectorContext, type InspectorContextValue } from './inspector-context.js';
import { referenceChoices } from './references.js';
import { RenameField } from './RenameField.js';
import { formOf, jsonSchemaOf, type FieldSpec, type ObjectSpec, type VariantsSpec } from './schema-walk.js';
import './inspector.css';

/** A request to bring the field a path names into view; `seq` makes a second click on the same finding count. */
export interface FocusRequest {
  path: string;
  seq: number;
}

interface Props {
  document: Topology;
  target: InspectorTarget;
  findings: Finding[];
  focus: FocusRequest | null;
  /** The finding selected in a findings list, and how to select one (this entity's list below the form). */
  selected: Finding | null;
  onSelectFinding(finding: Finding): void;
  /** A node or group was renamed here: the selection follows it. */
  onRenamed?(target: InspectorTarget): void;
}

// Generating a kind's JSON Schema takes tens of milliseconds the first time (the app service's
// the most), so they are made one per idle moment after the editor loads, not on the first click.
if (typeof requestIdleCallback === 'function') {
  const pending = [...NODE_KINDS.map((k) => NODE_SCHEMAS[k]), linkSchema, groupSchema, scenarioSchema, environmentSettingsSchema];
  const next = (): void => {
    const schema = pending.shift();
    if (schema === undefined) return;
    jsonSchemaOf(schema);
    requestIdleCallback(next);
  };
  requestIdleCallback(next);
}

/** The last focus request acted on: a form mounted later (another selection) must not replay an old one. */
let handledSeq = 0;

interface Entity {
  spec: ObjectSpec | VariantsSpec;
  value: unknown;
  title: string;
  kind: string;
  /** Fields the canvas edits (position) or the header shows (kind). */
  skip: string[];
  facts: [string, string, string][];
}

const isForm = (s: FieldSpec): s is ObjectSpec | VariantsSpec => s.kind === 'object' || s.kind === 'variants';

function entityOf(doc: Topology, t: InspectorTarget): Entity | null {
  const path = targetPath(t);
  if (t.type === 'node') {
    const node = doc.nodes[t.id];
    const spec = node && formOf(NODE_SCHEMAS[node.kind], path);
    if (!node || !spec || !isForm(spec)) return null;
    const position = node.position ? `${node.position.x}, ${node.position.y}` : 'laid out automatically';
    const links = String(doc.links.filter((l) => l.from === t.id || l.to === t.id).length);
    return { spec, value: node, title: node.label ?? t.id, kind: kindInfo(node.kind).label, skip: ['kind', 'position'], facts: [['Id', t.id, 'inspector-id'], ['Links', links, 'inspector-links'], ['Position', position, 'inspector-position']] };
  }
  if (t.type === 'section') {
    const scenario = t.section === 'scenario';
    const spec = formOf(scenario ? scenarioSchema : environmentSettingsSchema, path);
    if (!isForm(spec)) return null;
    const title = scenario ? 'Scenario' : 'Environment settings';
    const what = scenario ? 'duration, seed, planned faults and deployments, SLO' : 'scaling, deployment, security, monitoring, clouds';
    return { spec, value: doc[t.section], title, kind: 'document section', skip: [], facts: [['Section', t.section, 'inspector-id'], ['Holds', what, 'inspector-holds']] };
  }
  if (t.type === 'group') {
    const group = doc.groups[t.id];
    const spec = formOf(groupSchema, path);
    if (!group || !isForm(spec)) return null;
    return { spec, value: group, title: group.label ?? t.id, kind: `${group.type} (group)`, skip: ['position'], facts: [['Id', t.id, 'inspector-id']] };
  }
  const link = doc.links[t.index];
  const spec = formOf(linkSchema, path);
  if (!link || !isForm(spec)) return null;
  return { spec, value: link, title: `${link.from} → ${link.to}`, kind: `${link.type} link`, skip: [], facts: [['Link', `#${t.index + 1}`, 'inspector-id']] };
}

/**
 * The selected node, link or group as a form generated from the contract's schema: units,
 * bounds, defaults and help from the schema, the validator's findings at the fields they name.
 * A node's or group's id is renamed as one command that everything naming it follows.
 */
export function Inspector({ document, target, findings, focus, selected, onSelectFinding, onRenamed }: Props): React.JSX.Element | null {
  const setField = useAppStore((s) => s.setField);
  const unsetField = useAppStore((s) => s.unsetField);
  const root = useRef<HTMLElement>(null);
  const entity = entityOf(document, target);
  const paths = useMemo(() => (entity ? visibleFieldPaths(entity.spec, entity.value) : []), [entity?.spec, entity?.value]); // eslint-disable-line react-hooks/exhaustive-deps
  const context = useMemo<InspectorContextValue>(() => {
    const at = new Map<string, Finding[]>();
    for (const f of findings) {
      const field = fieldForPath(paths, f.path);
      if (field !== null) at.set(field, [...(at.get(field) ?? []), f]);
    }
    return {
      set: setField,
      unset: unsetField,
      findingsAt: (path) => at.get(path) ?? [],
      countWithin: (path) => findings.filter((f) => fieldForPath([path], f.path) !== null).length,
      choicesFor: (path) => referenceChoices(document, path),
    };
  }, [document, findings, paths, setField, unsetField]);

  useEffect(() => {
    if (focus === null || focus.seq <= handledSeq || root.current === null) return;
    const field = fieldForPath(paths, focus.path);
    const el = field === null ? null : root.current.querySelector<HTMLElement>(`[data-field-path="${CSS.escape(field)}"]`);
    if (!el) return;
    handledSeq = focus.seq;
    focusFieldElement(el);
    // Only a new request moves the focus, not every edit.
  }, [focus?.seq]); // eslint-disable-line react-hooks/exhaustive-deps

  if (!entity) return null;
  const own = formatPath(targetPath(target));
  const mine = findings.filter((f) => fieldForPath([own], f.path) !== null);
  return (
    <InspectorContext.Provider value={context}>
      <section className="panel inspector" aria-label={`Inspector: ${entity.title}`} data-testid="inspector" data-target={own} ref={root} tabIndex={-1}>
        <div className="panel-header">
          <h2>{entity.title}</h2>
          <span className="muted small">{entity.kind}</span>
        </div>
        <dl className="inspector-fields">
          {entity.facts.map(([k, v, testId]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd className={k === 'Id' ? 'mono' : undefined} data-testid={testId}>
                {v}
              </dd>
            </div>
          ))}
        </dl>
        <div data-field-path={own}>
          <FieldFindings path={own} />
        </div>
        <form className="inspector-form" onSubmit={(e) => e.preventDefault()} noValidate>
          {(target.type === 'node' || target.type === 'group') && onRenamed ? <RenameField target={target} onRenamed={onRenamed} /> : null}
          <FieldList spec={entity.spec} value={entity.value} skip={entity.skip} />
        </form>
      </section>
      <FindingsPanel findings={mine} selected={selected} onSelect={onSelectFinding} title={`Findings for ${entity.title}`} testId="node-findings" />
    </InspectorContext.Provider>
  );
}
