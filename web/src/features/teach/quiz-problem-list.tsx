import { Trans, useLingui } from '@lingui/react/macro';
import type { QuizProblem } from './quiz-key';

/** What is missing in the quiz before it can be saved, question by question. */
export function QuizProblemList({ problems }: { problems: QuizProblem[] }) {
  const { t } = useLingui();
  if (problems.length === 0) return null;
  const text = ({ question, rule }: QuizProblem) => {
    if (rule === 'no-prompt') return t`Question ${question} has no prompt.`;
    if (rule === 'few-options') return t`Question ${question} needs at least two options.`;
    if (rule === 'empty-option') return t`Question ${question} has an empty option.`;
    if (rule === 'no-correct') return t`Question ${question} has no correct answer.`;
    return t`Question ${question} allows one answer: mark exactly one option correct.`;
  };
  return (
    <div className="notice">
      <p>
        <Trans>Before saving:</Trans>
      </p>
      <ul className="problem-list">
        {problems.map((problem) => (
          <li key={`${problem.question}-${problem.rule}`}>{text(problem)}</li>
        ))}
      </ul>
    </div>
  );
}
