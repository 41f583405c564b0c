import { useEffect, useRef } from 'react';
import { EditorState } from '@codemirror/state';
import { EditorView, keymap, lineNumbers, drawSelection } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { bracketMatching, defaultHighlightStyle, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { PostgreSQL, sql } from '@codemirror/lang-sql';
import { yaml } from '@codemirror/lang-yaml';
import type { LoadedEditorProps } from './code-editor';

// Colours from the design tokens: the gutter's default grey fails 4.5:1 contrast.
const theme = EditorView.theme({
  '&': { border: '1px solid var(--color-border)', borderRadius: 'var(--radius)', background: 'var(--color-bg)', color: 'var(--color-text)', fontSize: 'var(--text-md)', maxHeight: '60vh' },
  '&.cm-focused': { outline: '3px solid var(--color-focus)', outlineOffset: '2px' },
  '.cm-content': { fontFamily: 'var(--font-mono)', padding: 'var(--space-2) 0' },
  '.cm-scroller': { overflow: 'auto', fontFamily: 'var(--font-mono)', lineHeight: '1.5' },
  '.cm-gutters': { background: 'var(--color-surface)', color: 'var(--color-muted)', borderRight: '1px solid var(--color-border)' },
});

/** CodeMirror 6, loaded on demand by CodeEditor (default export for React.lazy). */
export default function CodeMirrorEditor({ label, value, onChange, language, rows = 8, takeFocus }: LoadedEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  useEffect(() => {
    // CodeMirror writes its styles at run time. In the page they would be a <style> element, which
    // the app's Content-Security-Policy refuses (no 'unsafe-inline'); in a shadow root they are a
    // constructed style sheet (CSSOM), which it allows. ARIA references do not cross the shadow
    // boundary, so the editor is named with aria-label (the same text as the visible label).
    const shadow = host.current!.shadowRoot ?? host.current!.attachShadow({ mode: 'open' });
    const editor = new EditorView({
      root: shadow,
      parent: shadow,
      state: EditorState.create({
        doc: value,
        extensions: [
          lineNumbers(),
          history(),
          drawSelection(),
          indentOnInput(),
          bracketMatching(),
          syntaxHighlighting(defaultHighlightStyle),
          // No Tab binding: Tab moves on to the next control, as everywhere else in the app.
          keymap.of([...defaultKeymap, ...historyKeymap]),
          language === 'sql' ? sql({ dialect: PostgreSQL, upperCaseKeywords: true }) : yaml(),
          EditorView.lineWrapping,
          EditorView.contentAttributes.of({
            'aria-label': label,
            spellcheck: 'false',
            autocapitalize: 'off',
            autocorrect: 'off',
          }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) onChangeRef.current(update.state.doc.toString());
          }),
          theme,
          // The height of `rows` lines; not a style attribute on the host, which the CSP refuses.
          EditorView.theme({ '.cm-content': { minHeight: `${rows * 1.5}em` } }),
        ],
      }),
    });
    if (takeFocus?.current) {
      editor.focus();
      editor.dispatch({ selection: { anchor: editor.state.doc.length } });
    }
    return () => {
      editor.destroy();
    };
    // The editor owns the text once made: `value` is read here only (the draft restored, or what was
    // typed in the stand-in). Pushing later `value`s back in would race fast typing: a render still
    // holding the text of a few keys ago would overwrite the keys typed since.
  }, [language, label, rows]);

  return <div ref={host} className="code-editor" />;
}
