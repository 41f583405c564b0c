import { useLingui } from '@lingui/react/macro';
import type { KeyProblem } from './key-draft';

/** A key problem found before saving, in the reader's language. */
export function useKeyProblemText(): (problem: KeyProblem) => string {
  const { t } = useLingui();
  return (problem) => {
    switch (problem.rule) {
      case 'required':
        return t`Fill this in.`;
      case 'too-long': {
        const max = problem.max;
        return t`At most ${max} characters.`;
      }
      case 'id-format':
        return t`Use 1 to 40 letters, digits, - or _ (no spaces).`;
      case 'rule-id-format':
        return t`Use up to 64 letters, digits, - or _, starting with a letter or digit.`;
      case 'duplicate':
        return t`Another item already uses this; each must be different.`;
      case 'number': {
        const { min, max } = problem;
        return t`A number from ${min} to ${max}.`;
      }
      case 'integer': {
        const { min, max } = problem;
        return t`A whole number from ${min} to ${max}.`;
      }
      case 'count': {
        const { min, max } = problem;
        return t`Needs ${min} to ${max} items.`;
      }
      case 'path':
        if (problem.reason === 'start') return t`A path starts with $ (the whole document).`;
        if (problem.reason === 'long') return t`At most 300 characters.`;
        if (problem.reason === 'steps') return t`A path has at most 32 steps.`;
        return t`Each step is .name, ['name'], [0], [*] or .*`;
      case 'selector':
        return t`This is not a CSS selector the browser can read.`;
      case 'not-number':
        return t`Type a number, such as 42 or 3.5.`;
      case 'json':
        return t`This is not readable JSON.`;
      case 'json-object': {
        const brace = '{';
        return t`A JSON Schema is an object: it starts with ${brace}.`;
      }
      case 'ports':
        return t`Port numbers from 0 to 65535, separated by commas.`;
    }
  };
}
