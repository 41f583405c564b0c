import { lazy, Suspense, useId, useRef } from 'react';

export type CodeLanguage = 'sql' | 'yaml' | 'plain';

export interface CodeEditorProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  language: CodeLanguage;
  description?: string;
  rows?: number;
  /** Tells assistive tech the text is not a person's prose (no spell check, no autocorrect). */
  maxLength?: number;
}

// CodeMirror is the heaviest thing the assessments load: it is its own chunk, fetched only when an
// SQL or config exercise opens, never part of the first screens' JavaScript budget.
const CodeMirrorEditor = lazy(() => import('./codemirror-editor'));

/**
 * A labelled code editor: a monospace textarea at once (also while CodeMirror loads on a slow
 * connection), then CodeMirror with syntax highlighting for SQL and YAML. Tab leaves the editor
 * (keyboard users are never trapped); the label and description stay tied to it.
 */
export function CodeEditor(props: CodeEditorProps) {
  const id = useId();
  // Someone may be typing in the stand-in when CodeMirror arrives: the editor then takes the focus.
  const typingInFallback = useRef(false);
  const ids = { label: `${id}-label`, description: props.description ? `${id}-description` : undefined, input: `${id}-input` };
  return (
    <div className="field code-field">
      <label className="field-label" id={ids.label} htmlFor={ids.input}>
        {props.label}
      </label>
      {props.language === 'plain' ? (
        <PlainCodeArea {...props} ids={ids} />
      ) : (
        <Suspense fallback={<PlainCodeArea {...props} ids={ids} isFallback onFocusChange={(focused) => (typingInFallback.current = focused)} />}>
          <CodeMirrorEditor {...props} ids={ids} takeFocus={typingInFallback} />
        </Suspense>
      )}
      {props.description && (
        <p id={ids.description} className="field-description">
          {props.description}
        </p>
      )}
    </div>
  );
}

export interface EditorIds {
  label: string;
  description?: string;
  input: string;
}

export interface LoadedEditorProps extends CodeEditorProps {
  ids: EditorIds;
  /** True when the stand-in had the focus as the editor loaded. */
  takeFocus?: { current: boolean };
}

export function PlainCodeArea({ value, onChange, rows = 8, maxLength, ids, takeFocus, isFallback, onFocusChange }: LoadedEditorProps & { isFallback?: boolean; onFocusChange?: (focused: boolean) => void }) {
  return (
    <textarea
      id={ids.input}
      data-fallback={isFallback || undefined}
      autoFocus={takeFocus?.current || undefined}
      onFocus={() => onFocusChange?.(true)}
      onBlur={() => onFocusChange?.(false)}
      className="field-input code-input"
      value={value}
      rows={rows}
      maxLength={maxLength}
      spellCheck={false}
      autoCapitalize="off"
      autoCorrect="off"
      aria-describedby={ids.description}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}
