import { Trans, useLingui } from '@lingui/react/macro';
import { TextArea } from '../../shared/ui/text-area';
import { TextField } from '../../shared/ui/text-field';
import { SelectField } from '../../shared/ui/select-field';
import { Button } from '../../shared/ui/button';
import { newQuestion, nextOptionId, type QuizKeyDraft, type QuizQuestionDraft } from './quiz-key';

interface QuizKeyEditorProps {
  value: QuizKeyDraft;
  onChange: (value: QuizKeyDraft) => void;
}

/** Questions, their options, which are correct, and partial credit for multiple choice. */
export function QuizKeyEditor({ value, onChange }: QuizKeyEditorProps) {
  const { t } = useLingui();
  const setQuestion = (index: number, question: QuizQuestionDraft) => onChange({ ...value, questions: value.questions.map((q, i) => (i === index ? question : q)) });
  return (
    <>
      {value.questions.map((question, index) => {
        const n = index + 1;
        return (
          <fieldset key={question.id} className="key-block">
            <legend>
              <Trans>Question {n}</Trans>
            </legend>
            <TextArea name={`prompt-${n}`} label={t`Question ${n}: prompt`} rows={2} value={question.prompt} onChange={(e) => setQuestion(index, { ...question, prompt: e.target.value })} />
            <SelectField
              name={`type-${n}`}
              label={t`Question ${n}: answers allowed`}
              value={question.type}
              onChange={(e) => setQuestion(index, { ...question, type: e.target.value as QuizQuestionDraft['type'], correct: e.target.value === 'single' ? question.correct.slice(0, 1) : question.correct })}
            >
              <option value="single">{t`One correct option`}</option>
              <option value="multiple">{t`Several correct options`}</option>
            </SelectField>
            <TextField
              name={`points-${n}`}
              label={t`Question ${n}: points`}
              type="number"
              min={0.01}
              step="any"
              value={String(question.points)}
              onChange={(e) => setQuestion(index, { ...question, points: Number(e.target.value) })}
            />
            {question.type === 'multiple' && (
              <SelectField
                name={`partial-${n}`}
                label={t`Question ${n}: partial credit`}
                value={question.partialCredit}
                onChange={(e) => setQuestion(index, { ...question, partialCredit: e.target.value as QuizQuestionDraft['partialCredit'] })}
              >
                <option value="all-or-nothing">{t`All or nothing`}</option>
                <option value="per-option">{t`Per option (wrong picks cancel right ones)`}</option>
              </SelectField>
            )}
            {question.options.map((option, o) => {
              const letter = o + 1;
              return (
                <div key={option.id} className="outline-item">
                  <TextField
                    className="outline-item-title"
                    name={`option-${n}-${letter}`}
                    label={t`Question ${n}, option ${letter}`}
                    value={option.text}
                    onChange={(e) => setQuestion(index, { ...question, options: question.options.map((x) => (x.id === option.id ? { ...x, text: e.target.value } : x)) })}
                  />
                  <label className="checkbox">
                    <input
                      type="checkbox"
                      checked={question.correct.includes(option.id)}
                      onChange={(e) => {
                        const correct = e.target.checked
                          ? question.type === 'single'
                            ? [option.id]
                            : [...question.correct, option.id]
                          : question.correct.filter((id) => id !== option.id);
                        setQuestion(index, { ...question, correct });
                      }}
                    />
                    <Trans>Option {letter} is correct</Trans>
                  </label>
                  <Button
                    variant="secondary"
                    aria-label={t`Remove option ${letter} of question ${n}`}
                    onClick={() => setQuestion(index, { ...question, options: question.options.filter((x) => x.id !== option.id), correct: question.correct.filter((id) => id !== option.id) })}
                  >
                    <Trans>Remove</Trans>
                  </Button>
                </div>
              );
            })}
            <div className="button-row">
              <Button variant="secondary" onClick={() => setQuestion(index, { ...question, options: [...question.options, { id: nextOptionId(question.options.map((o) => o.id)), text: '' }] })}>
                <Trans>Add an option to question {n}</Trans>
              </Button>
              <Button variant="danger" onClick={() => onChange({ ...value, questions: value.questions.filter((_, i) => i !== index) })}>
                <Trans>Remove question {n}</Trans>
              </Button>
            </div>
          </fieldset>
        );
      })}
      <div className="button-row">
        <Button
          variant="secondary"
          onClick={() => {
            const ids = value.questions.map((q) => q.id);
            let n = value.questions.length + 1;
            while (ids.includes(`q${n}`)) n++;
            onChange({ ...value, questions: [...value.questions, newQuestion(n)] });
          }}
        >
          <Trans>Add a question</Trans>
        </Button>
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={value.shuffleQuestions} onChange={(e) => onChange({ ...value, shuffleQuestions: e.target.checked })} />
        <Trans>Shuffle the questions for each trainee</Trans>
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={value.shuffleOptions} onChange={(e) => onChange({ ...value, shuffleOptions: e.target.checked })} />
        <Trans>Shuffle the options for each trainee</Trans>
      </label>
    </>
  );
}
