import { Checkbox } from 'react-aria-components';
import { Trans, useLingui } from '@lingui/react/macro';
import { TextArea } from '../../shared/ui/text-area';
import { TextField } from '../../shared/ui/text-field';
import { Button } from '../../shared/ui/button';
import { moveItem } from './key-draft';
import { criterionBest, newCriterion, newLevel, newSelector, rubricTotal, type CriterionDraft, type RubricKeyDraft, type SelectorDraft } from './rubric-key';
import { KeyItem, ListError, focusLater } from './key-item';
import { MoveButtons, refocusMoveButton } from './move-buttons';

interface RubricKeyEditorProps {
  value: RubricKeyDraft;
  onChange: (value: RubricKeyDraft) => void;
  errorAt: (field: string) => string | undefined;
}

/** The rubric an instructor grades with, criterion by criterion, and what a submitted page must contain. */
export function RubricKeyEditor({ value, onChange, errorAt }: RubricKeyEditorProps) {
  const { t } = useLingui();
  const total = rubricTotal(value);
  const setCriterion = (index: number, criterion: CriterionDraft) => onChange({ ...value, criteria: value.criteria.map((c, i) => (i === index ? criterion : c)) });
  return (
    <>
      <fieldset className="key-block">
        <legend>
          <Trans>Rubric ({total} points in all)</Trans>
        </legend>
        <p className="meta">
          <Trans>Each criterion is worth its best level; the rubric is worth the sum, scaled to the maximum score. Trainees see the rubric.</Trans>
        </p>
        {value.criteria.map((criterion, index) => {
          const n = index + 1;
          const best = criterionBest(criterion);
          return (
            <KeyItem
              key={criterion.uid}
              legend={t`Criterion ${n}`}
              uid={criterion.uid}
              position={n}
              count={value.criteria.length}
              onMove={(to) => onChange({ ...value, criteria: moveItem(value.criteria, index, to) })}
              onRemove={() => {
                onChange({ ...value, criteria: value.criteria.filter((c) => c.uid !== criterion.uid) });
                focusLater('[data-add="criterion"]');
              }}
            >
              <TextArea
                name={`criteria[${index}].title`}
                label={t`Criterion ${n}: what is judged`}
                rows={2}
                maxLength={500}
                value={criterion.title}
                onChange={(e) => setCriterion(index, { ...criterion, title: e.target.value })}
                error={errorAt(`criteria[${index}].title`)}
              />
              <Levels criterion={criterion} n={n} at={`criteria[${index}]`} onChange={(next) => setCriterion(index, next)} errorAt={errorAt} />
              <p className="meta">
                <Trans>
                  Criterion {n} is worth {best} points.
                </Trans>
              </p>
              <TextField
                name={`criteria[${index}].id`}
                label={t`Criterion ${n}: id`}
                description={t`Names the criterion in grades: keep it once grading has started.`}
                maxLength={40}
                autoComplete="off"
                spellCheck={false}
                value={criterion.id}
                onChange={(e) => setCriterion(index, { ...criterion, id: e.target.value })}
                error={errorAt(`criteria[${index}].id`)}
              />
            </KeyItem>
          );
        })}
        <ListError message={errorAt('criteria')} />
        <Button
          variant="secondary"
          data-add="criterion"
          onClick={() => {
            onChange({ ...value, criteria: [...value.criteria, newCriterion(value.criteria.map((c) => c.id))] });
            focusLater(`[name="criteria[${value.criteria.length}].title"]`);
          }}
        >
          <Trans>Add a criterion</Trans>
        </Button>
      </fieldset>
      <Checkbox className="radio choice-box" isSelected={value.checksPage} onChange={(checksPage) => onChange({ ...value, checksPage })}>
        <span className="box-mark" aria-hidden="true" />
        <span>
          <Trans>Trainees submit a page (HTML and CSS): check its structure and accessibility by machine before I review it</Trans>
        </span>
      </Checkbox>
      {value.checksPage && <RequiredSelectors value={value} onChange={onChange} errorAt={errorAt} />}
    </>
  );
}

interface LevelsProps {
  criterion: CriterionDraft;
  n: number;
  at: string;
  onChange: (criterion: CriterionDraft) => void;
  errorAt: (field: string) => string | undefined;
}

function Levels({ criterion, n, at, onChange, errorAt }: LevelsProps) {
  const { t } = useLingui();
  const setLevel = (j: number, change: Partial<CriterionDraft['levels'][number]>) => onChange({ ...criterion, levels: criterion.levels.map((l, i) => (i === j ? { ...l, ...change } : l)) });
  return (
    <fieldset className="key-block">
      <legend>
        <Trans>Criterion {n}: levels</Trans>
      </legend>
      {criterion.levels.map((level, j) => {
        const l = j + 1;
        const name = t`level ${l} of criterion ${n}`;
        return (
          <div key={level.uid} className="key-row">
            <TextField name={`${at}.levels[${j}].label`} label={t`Criterion ${n}, level ${l}: label`} maxLength={200} value={level.label} onChange={(e) => setLevel(j, { label: e.target.value })} error={errorAt(`${at}.levels[${j}].label`)} />
            <TextField name={`${at}.levels[${j}].points`} label={t`Criterion ${n}, level ${l}: points`} inputMode="decimal" value={level.points} onChange={(e) => setLevel(j, { points: e.target.value })} error={errorAt(`${at}.levels[${j}].points`)} />
            <div className="button-row">
              <MoveButtons
                title={name}
                id={level.uid}
                position={l}
                count={criterion.levels.length}
                onMove={(to, via) => {
                  onChange({ ...criterion, levels: moveItem(criterion.levels, j, to - 1) });
                  refocusMoveButton(level.uid, via);
                }}
              />
              <Button
                variant="secondary"
                onClick={() => {
                  onChange({ ...criterion, levels: criterion.levels.filter((x) => x.uid !== level.uid) });
                  focusLater(`[data-add="${at}.levels"]`);
                }}
              >
                {t`Remove ${name}`}
              </Button>
            </div>
          </div>
        );
      })}
      <ListError message={errorAt(`${at}.levels`)} />
      <Button
        variant="secondary"
        data-add={`${at}.levels`}
        onClick={() => {
          onChange({ ...criterion, levels: [...criterion.levels, newLevel()] });
          focusLater(`[name="${at}.levels[${criterion.levels.length}].label"]`);
        }}
      >
        <Trans>Add a level to criterion {n}</Trans>
      </Button>
    </fieldset>
  );
}

function RequiredSelectors({ value, onChange, errorAt }: RubricKeyEditorProps) {
  const { t } = useLingui();
  const setSelector = (index: number, change: Partial<SelectorDraft>) => onChange({ ...value, selectors: value.selectors.map((s, i) => (i === index ? { ...s, ...change } : s)) });
  return (
    <fieldset className="key-block">
      <legend>
        <Trans>What the page must contain</Trans>
      </legend>
      <p className="meta">
        <Trans>
          Each requirement is a CSS selector the page must match. Trainees see only its message; a page that misses one is told so before review. Accessibility (WCAG 2 A
          and AA) is always checked.
        </Trans>
      </p>
      {value.selectors.length === 0 && (
        <p>
          <Trans>No required elements yet: only accessibility is checked.</Trans>
        </p>
      )}
      {value.selectors.map((selector, index) => {
        const n = index + 1;
        const at = `design.requiredSelectors[${index}]`;
        return (
          <KeyItem
            key={selector.uid}
            legend={t`Requirement ${n}`}
            uid={selector.uid}
            position={n}
            count={value.selectors.length}
            onMove={(to) => onChange({ ...value, selectors: moveItem(value.selectors, index, to) })}
            onRemove={() => {
              onChange({ ...value, selectors: value.selectors.filter((s) => s.uid !== selector.uid) });
              focusLater('[data-add="selector"]');
            }}
          >
            <TextField
              name={`${at}.selector`}
              className="field-code"
              label={t`Requirement ${n}: CSS selector`}
              description={t`For example: main h1, form label[for], nav a`}
              maxLength={300}
              autoComplete="off"
              spellCheck={false}
              value={selector.selector}
              onChange={(e) => setSelector(index, { selector: e.target.value })}
              error={errorAt(`${at}.selector`)}
            />
            <TextField name={`${at}.message`} label={t`Requirement ${n}: message to the trainee`} maxLength={500} value={selector.message} onChange={(e) => setSelector(index, { message: e.target.value })} error={errorAt(`${at}.message`)} />
            <TextField
              name={`${at}.min`}
              label={t`Requirement ${n}: at least this many (optional)`}
              description={t`Empty: at least one.`}
              inputMode="numeric"
              value={selector.min}
              onChange={(e) => setSelector(index, { min: e.target.value })}
              error={errorAt(`${at}.min`)}
            />
          </KeyItem>
        );
      })}
      <ListError message={errorAt('design.requiredSelectors')} />
      <Button
        variant="secondary"
        data-add="selector"
        onClick={() => {
          onChange({ ...value, selectors: [...value.selectors, newSelector()] });
          focusLater(`[name="design.requiredSelectors[${value.selectors.length}].selector"]`);
        }}
      >
        <Trans>Add a requirement</Trans>
      </Button>
    </fieldset>
  );
}
