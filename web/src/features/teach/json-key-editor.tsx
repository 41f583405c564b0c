import { useLingui } from '@lingui/react/macro';
import { TextArea } from '../../shared/ui/text-area';
import type { AssessmentKind } from './teach.types';

/** Starting keys for the kinds authored as JSON: the shape the grader checks, to fill in. */
export const KEY_TEMPLATES: Partial<Record<AssessmentKind, Record<string, unknown>>> = {
  flag: {
    flags: [{ id: 'f1', label: 'The flag in the web root', points: 10 }],
    hints: [{ id: 'h1', text: 'Look at the robots.txt file.', cost: 2 }],
  },
  config: {
    format: 'auto',
    rules: [{ id: 'r1', check: 'equals', path: 'server.tls', value: true, points: 1, message: 'TLS must be on.' }],
  },
  rubric: {
    criteria: [
      { id: 'c1', title: 'Contrast and readability', levels: [{ label: 'Missing', points: 0 }, { label: 'Partial', points: 1 }, { label: 'Complete', points: 2 }] },
    ],
    design: { requiredSelectors: [] },
  },
};

/** The help under each JSON key: what the fields mean. */
function useKeyHelp(kind: AssessmentKind): string {
  const { t } = useLingui();
  if (kind === 'flag') return t`Flags: id, label, points (each trainee gets their own flag value, derived from the id). Hints: id, text, cost (points taken off when revealed).`;
  if (kind === 'config') return t`Format (auto, json or yaml) and rules: id, check (exists, equals, notEquals, oneOf, atLeast, atMost, …), path, value(s), points, message.`;
  return t`Criteria: id, title and levels (label, points). Design: requiredSelectors, the CSS selectors the submitted HTML must contain.`;
}

/** A key authored as JSON, checked by the server's grader on save (its field errors name the item). */
export function JsonKeyEditor({ kind, value, onChange, error }: { kind: AssessmentKind; value: string; onChange: (text: string) => void; error?: string }) {
  const { t } = useLingui();
  return (
    <TextArea
      name="key"
      className="field-code"
      label={t`Answer key (JSON)`}
      description={useKeyHelp(kind)}
      rows={14}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={error}
      spellCheck={false}
    />
  );
}
