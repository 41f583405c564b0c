import { Checkbox, CheckboxGroup, Label, Radio, RadioGroup, Text } from 'react-aria-components';
import { Trans, useLingui } from '@lingui/react/macro';
import { TextField } from '../../shared/ui/text-field';
import type { QuizQuestion } from './assessment.types';
import type { QuizDraft } from './quiz-answers';

interface QuizEditorProps {
  questions: QuizQuestion[];
  draft: QuizDraft;
  onChange: (questionId: string, value: string | string[]) => void;
  /** Question ids whose typed number cannot be read. */
  invalidNumbers: string[];
}

/** The questions of one attempt, in the order the server gave them (shuffled per attempt when the quiz says so). */
export function QuizEditor({ questions, draft, onChange, invalidNumbers }: QuizEditorProps) {
  return (
    <ol className="quiz-questions">
      {questions.map((question, index) => (
        <li key={question.id} className="quiz-question">
          <QuestionField question={question} number={index + 1} value={draft[question.id]} onChange={(value) => onChange(question.id, value)} invalid={invalidNumbers.includes(question.id)} />
        </li>
      ))}
    </ol>
  );
}

function QuestionField({ question, number, value, onChange, invalid }: { question: QuizQuestion; number: number; value: string | string[] | undefined; onChange: (value: string | string[]) => void; invalid: boolean }) {
  const { t } = useLingui();
  const points = question.points;
  const label = t`Question ${number}: ${question.prompt}`;
  const worth = question.type === 'multiple'
    ? question.partialCredit === 'per-option'
      ? t`Points: ${points}. Choose all that apply; each right choice earns part, each wrong one takes part away.`
      : t`Points: ${points}. Choose all that apply; points only for exactly the right set.`
    : t`Points: ${points}.`;
  switch (question.type) {
    case 'single':
      return (
        <RadioGroup className="field radio-group" value={typeof value === 'string' ? value : null} onChange={onChange}>
          <Label className="field-label">{label}</Label>
          <Text slot="description" className="field-description">
            {worth}
          </Text>
          {question.options?.map((option) => (
            <Radio key={option.id} value={option.id} className="radio">
              <span className="radio-mark" aria-hidden="true" />
              <span>{option.text}</span>
            </Radio>
          ))}
        </RadioGroup>
      );
    case 'multiple':
      return (
        <CheckboxGroup className="field radio-group" value={Array.isArray(value) ? value : []} onChange={onChange}>
          <Label className="field-label">{label}</Label>
          <Text slot="description" className="field-description">
            {worth}
          </Text>
          {question.options?.map((option) => (
            <Checkbox key={option.id} value={option.id} className="radio choice-box">
              <span className="box-mark" aria-hidden="true" />
              <span>{option.text}</span>
            </Checkbox>
          ))}
        </CheckboxGroup>
      );
    case 'numeric':
      return (
        <TextField
          name={`q-${question.id}`}
          label={label}
          description={worth}
          inputMode="decimal"
          autoComplete="off"
          value={typeof value === 'string' ? value : ''}
          onChange={(event) => onChange(event.target.value)}
          error={invalid ? t`Type a number, such as 42 or 3.5.` : undefined}
        />
      );
    case 'text':
      return (
        <TextField
          name={`q-${question.id}`}
          label={label}
          description={worth}
          maxLength={500}
          autoComplete="off"
          value={typeof value === 'string' ? value : ''}
          onChange={(event) => onChange(event.target.value)}
        />
      );
  }
}

/** Said before submitting a quiz with gaps: submitting is allowed, a blank earns nothing. */
export function UnansweredNote({ count }: { count: number }) {
  if (count === 0) return null;
  return (
    <p className="notice">
      {count === 1 ? <Trans>One question has no answer yet; it would earn no points.</Trans> : <Trans>{count} questions have no answer yet; they would earn no points.</Trans>}
    </p>
  );
}
