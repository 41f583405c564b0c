import { newQuestion, quizKeyForApi, quizKeyFromApi, type QuizKeyDraft } from './quiz-key';
import { sqlKeyForApi, sqlKeyFromApi, type SqlKeyDraft } from './sql-key-editor';
import { flagKeyForApi, flagKeyFromApi, flagKeyProblems, type FlagKeyDraft } from './flag-key';
import { configKeyForApi, configKeyFromApi, configKeyProblems, type ConfigKeyDraft } from './config-key';
import { browserReadsSelector, rubricKeyForApi, rubricKeyFromApi, rubricKeyProblems, type RubricKeyDraft } from './rubric-key';
import type { KeyProblems } from './key-draft';
import type { AssessmentKind } from './teach.types';

/** The editor's draft of each kind's key; only the assessment's own kind is read from its stored key. */
export interface KeyDrafts {
  quiz: QuizKeyDraft;
  sql: SqlKeyDraft;
  flag: FlagKeyDraft;
  config: ConfigKeyDraft;
  rubric: RubricKeyDraft;
}

export function keyDraftsOf(kind: AssessmentKind, key: Record<string, unknown> | undefined): KeyDrafts {
  const own = <K extends AssessmentKind>(k: K) => (k === kind ? key : undefined);
  return {
    quiz: own('quiz') ? quizKeyFromApi(key) : { questions: [newQuestion(1)], shuffleQuestions: true, shuffleOptions: true },
    sql: sqlKeyFromApi(own('sql')),
    flag: flagKeyFromApi(own('flag')),
    config: configKeyFromApi(own('config')),
    rubric: rubricKeyFromApi(own('rubric')),
  };
}

export function keyForApi(kind: AssessmentKind, drafts: KeyDrafts): Record<string, unknown> {
  switch (kind) {
    case 'quiz':
      return quizKeyForApi(drafts.quiz);
    case 'sql':
      return sqlKeyForApi(drafts.sql);
    case 'flag':
      return flagKeyForApi(drafts.flag);
    case 'config':
      return configKeyForApi(drafts.config);
    case 'rubric':
      return rubricKeyForApi(drafts.rubric);
  }
}

/** What the kind's grader would refuse, by field (the quiz lists its own; the SQL key is judged by the sandbox). */
export function keyProblemsOf(kind: AssessmentKind, drafts: KeyDrafts): KeyProblems {
  if (kind === 'flag') return flagKeyProblems(drafts.flag);
  if (kind === 'config') return configKeyProblems(drafts.config);
  if (kind === 'rubric') return rubricKeyProblems(drafts.rubric, browserReadsSelector);
  return {};
}
