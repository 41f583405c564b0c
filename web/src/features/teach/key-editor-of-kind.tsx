import { QuizKeyEditor } from './quiz-key-editor';
import { SqlKeyEditor } from './sql-key-editor';
import { FlagKeyEditor } from './flag-key-editor';
import { ConfigKeyEditor } from './config-key-editor';
import { RubricKeyEditor } from './rubric-key-editor';
import { KeyJsonView } from './key-json-view';
import { keyForApi, type KeyDrafts } from './key-of-kind';
import type { AssessmentKind } from './teach.types';

interface KeyEditorOfKindProps {
  kind: AssessmentKind;
  drafts: KeyDrafts;
  onChange: <K extends keyof KeyDrafts>(kind: K, value: KeyDrafts[K]) => void;
  /** The API's field errors of the whole form (the SQL fields use their names as they come). */
  errors: Record<string, string>;
  /** A key field's problem, found before saving or by the API. */
  errorAt: (field: string) => string | undefined;
}

/** The structured editor of the assessment's kind; the three newer kinds also show the key as JSON, read-only. */
export function KeyEditorOfKind({ kind, drafts, onChange, errors, errorAt }: KeyEditorOfKindProps) {
  switch (kind) {
    case 'quiz':
      return <QuizKeyEditor value={drafts.quiz} onChange={(v) => onChange('quiz', v)} />;
    case 'sql':
      return <SqlKeyEditor value={drafts.sql} onChange={(v) => onChange('sql', v)} errors={errors} />;
    case 'flag':
      return (
        <>
          <FlagKeyEditor value={drafts.flag} onChange={(v) => onChange('flag', v)} errorAt={errorAt} />
          <KeyJsonView keyValue={keyForApi(kind, drafts)} />
        </>
      );
    case 'config':
      return (
        <>
          <ConfigKeyEditor value={drafts.config} onChange={(v) => onChange('config', v)} errorAt={errorAt} />
          <KeyJsonView keyValue={keyForApi(kind, drafts)} />
        </>
      );
    case 'rubric':
      return (
        <>
          <RubricKeyEditor value={drafts.rubric} onChange={(v) => onChange('rubric', v)} errorAt={errorAt} />
          <KeyJsonView keyValue={keyForApi(kind, drafts)} />
        </>
      );
  }
}
