import { Trans, useLingui } from '@lingui/react/macro';
import { TextArea } from '../../shared/ui/text-area';
import { TextField } from '../../shared/ui/text-field';
import { Button } from '../../shared/ui/button';
import { moveItem } from './key-draft';
import { flagPointsTotal, newFlag, newHint, type FlagDraft, type FlagKeyDraft, type HintDraft } from './flag-key';
import { KeyItem, ListError, focusLater } from './key-item';

/** Kept out of the messages: their braces would read as placeholders. */
const FLAG_FORM = 'FLAG{…}';
const FLAG_ROUTE = 'GET /api/v1/assessments/{id}/flags/{traineeId}';

interface FlagKeyEditorProps {
  value: FlagKeyDraft;
  onChange: (value: FlagKeyDraft) => void;
  /** The problem of a field (the grader's path, e.g. `hints[0].cost`), found here or by the API. */
  errorAt: (field: string) => string | undefined;
}

/** The flags to capture (each trainee's own value, derived by the server) and the hints with their cost. */
export function FlagKeyEditor({ value, onChange, errorAt }: FlagKeyEditorProps) {
  const { t } = useLingui();
  const total = flagPointsTotal(value);
  const setFlag = (index: number, flag: FlagDraft) => onChange({ ...value, flags: value.flags.map((f, i) => (i === index ? flag : f)) });
  const setHint = (index: number, hint: HintDraft) => onChange({ ...value, hints: value.hints.map((h, i) => (i === index ? hint : h)) });
  return (
    <>
      <div className="notice key-help">
        <p>
          <Trans>
            Each trainee gets their own value of every flag, written {FLAG_FORM} with 32 letters and digits inside. The server computes it from its secret, this assessment,
            the flag’s id and the trainee, so a flag copied from a classmate scores nothing. There is no template or placeholder to write: the lab that plants the flag asks
            the API for each trainee’s value ({FLAG_ROUTE}).
          </Trans>
        </p>
        <p>
          <Trans>Changing a flag’s id changes every trainee’s value: keep it once trainees have started.</Trans>
        </p>
      </div>
      <fieldset className="key-block">
        <legend>
          <Trans>Flags ({total} points in all)</Trans>
        </legend>
        <p className="meta">
          <Trans>A trainee who captures every flag earns the maximum score; each flag earns its share.</Trans>
        </p>
        {value.flags.map((flag, index) => {
          const n = index + 1;
          const at = `flags[${index}]`;
          return (
            <KeyItem
              key={flag.uid}
              legend={t`Flag ${n}`}
              uid={flag.uid}
              position={n}
              count={value.flags.length}
              onMove={(to) => onChange({ ...value, flags: moveItem(value.flags, index, to) })}
              onRemove={() => {
                onChange({ ...value, flags: value.flags.filter((f) => f.uid !== flag.uid) });
                focusLater('[data-add="flag"]');
              }}
            >
              <TextField name={`${at}.label`} label={t`Flag ${n}: what to find`} maxLength={200} value={flag.label} onChange={(e) => setFlag(index, { ...flag, label: e.target.value })} error={errorAt(`${at}.label`)} />
              <TextField name={`${at}.points`} label={t`Flag ${n}: points`} inputMode="decimal" value={flag.points} onChange={(e) => setFlag(index, { ...flag, points: e.target.value })} error={errorAt(`${at}.points`)} />
              <TextField
                name={`${at}.id`}
                label={t`Flag ${n}: id`}
                description={t`Part of each trainee’s flag value.`}
                maxLength={40}
                autoComplete="off"
                spellCheck={false}
                value={flag.id}
                onChange={(e) => setFlag(index, { ...flag, id: e.target.value })}
                error={errorAt(`${at}.id`)}
              />
            </KeyItem>
          );
        })}
        <ListError message={errorAt('flags')} />
        <Button
          variant="secondary"
          data-add="flag"
          onClick={() => {
            onChange({ ...value, flags: [...value.flags, newFlag(value.flags.map((f) => f.id))] });
            focusLater(`[name="flags[${value.flags.length}].label"]`);
          }}
        >
          <Trans>Add a flag</Trans>
        </Button>
      </fieldset>
      <fieldset className="key-block">
        <legend>
          <Trans>Hints</Trans>
        </legend>
        <p className="meta">
          <Trans>Trainees reveal hints one by one. Revealing one takes its cost off the score, in the same points as the flags (never below 0).</Trans>
        </p>
        {value.hints.length === 0 && (
          <p>
            <Trans>No hints yet.</Trans>
          </p>
        )}
        {value.hints.map((hint, index) => {
          const n = index + 1;
          const at = `hints[${index}]`;
          return (
            <KeyItem
              key={hint.uid}
              legend={t`Hint ${n}`}
              uid={hint.uid}
              position={n}
              count={value.hints.length}
              onMove={(to) => onChange({ ...value, hints: moveItem(value.hints, index, to) })}
              onRemove={() => {
                onChange({ ...value, hints: value.hints.filter((h) => h.uid !== hint.uid) });
                focusLater('[data-add="hint"]');
              }}
            >
              <TextArea name={`${at}.text`} label={t`Hint ${n}: text`} rows={2} maxLength={2000} value={hint.text} onChange={(e) => setHint(index, { ...hint, text: e.target.value })} error={errorAt(`${at}.text`)} />
              <TextField name={`${at}.cost`} label={t`Hint ${n}: cost in points`} inputMode="decimal" value={hint.cost} onChange={(e) => setHint(index, { ...hint, cost: e.target.value })} error={errorAt(`${at}.cost`)} />
              <TextField
                name={`${at}.id`}
                label={t`Hint ${n}: id`}
                description={t`Keeps track of who revealed it: keep it once trainees have started.`}
                maxLength={40}
                autoComplete="off"
                spellCheck={false}
                value={hint.id}
                onChange={(e) => setHint(index, { ...hint, id: e.target.value })}
                error={errorAt(`${at}.id`)}
              />
            </KeyItem>
          );
        })}
        <ListError message={errorAt('hints')} />
        <Button
          variant="secondary"
          data-add="hint"
          onClick={() => {
            onChange({ ...value, hints: [...value.hints, newHint(value.hints.map((h) => h.id))] });
            focusLater(`[name="hints[${value.hints.length}].text"]`);
          }}
        >
          <Trans>Add a hint</Trans>
        </Button>
      </fieldset>
    </>
  );
}
