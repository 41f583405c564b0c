import { Trans, useLingui } from '@lingui/react/macro';
import { TextArea } from '../../shared/ui/text-area';
import { TextField } from '../../shared/ui/text-field';
import { SelectField } from '../../shared/ui/select-field';
import { Button } from '../../shared/ui/button';
import { CHECK_NEEDS, CONFIG_CHECKS, newValue, type ConfigCheck, type ConfigRuleDraft } from './config-key';
import { ValueField } from './config-value-field';
import { ListError, focusLater } from './key-item';
import { uid } from './key-draft';

interface RuleFieldsProps {
  rule: ConfigRuleDraft;
  /** 1-based, for the labels. */
  n: number;
  at: string;
  onChange: (rule: ConfigRuleDraft) => void;
  errorAt: (field: string) => string | undefined;
}

/** What each check does, as config-checks.ts evaluates it at every place the path reaches. */
function useCheckLabels(): Record<ConfigCheck, string> {
  const { t } = useLingui();
  return {
    required: t`Is present (not missing, not null)`,
    absent: t`Is absent (missing or null)`,
    equals: t`Equals a value`,
    notEquals: t`Does not equal a value`,
    oneOf: t`Is one of several values`,
    atLeast: t`Is a number at least`,
    atMost: t`Is a number at most`,
    noWildcard: t`Has no wildcard (*) in any text`,
    notOpenToWorld: t`Firewall rule not open to the whole internet (0.0.0.0/0 or ::/0)`,
    encrypted: t`Says encryption is on`,
    schema: t`Follows a JSON Schema`,
  };
}

/** The fields of one config rule; only those its check uses are shown (and sent). */
export function ConfigRuleFields({ rule, n, at, onChange, errorAt }: RuleFieldsProps) {
  const { t } = useLingui();
  const checks = useCheckLabels();
  const needs = CHECK_NEEDS[rule.check];
  return (
    <>
      <SelectField name={`${at}.check`} label={t`Rule ${n}: check`} value={rule.check} onChange={(e) => onChange({ ...rule, check: e.target.value as ConfigCheck })} error={errorAt(`${at}.check`)}>
        {CONFIG_CHECKS.map((check) => (
          <option key={check} value={check}>
            {checks[check]}
          </option>
        ))}
      </SelectField>
      <TextField
        name={`${at}.path`}
        className="field-code"
        label={t`Rule ${n}: where (path)`}
        description={t`$ is the whole document; .name or ['name'] a key; [0] an item; [*] or .* every item or value. Example: $.Statement[*].Effect`}
        autoComplete="off"
        spellCheck={false}
        maxLength={300}
        value={rule.path}
        onChange={(e) => onChange({ ...rule, path: e.target.value })}
        error={errorAt(`${at}.path`)}
      />
      {(needs === 'value' || needs === 'number') && (
        <ValueField
          name={`${at}.value`}
          label={needs === 'number' ? (rule.check === 'atLeast' ? t`Rule ${n}: lowest number allowed` : t`Rule ${n}: highest number allowed`) : t`Rule ${n}: value`}
          value={needs === 'number' ? { ...rule.value, type: 'number' } : rule.value}
          onChange={(value) => onChange({ ...rule, value })}
          error={errorAt(`${at}.value`)}
          numberOnly={needs === 'number'}
        />
      )}
      {needs === 'values' && <AllowedValues rule={rule} n={n} at={at} onChange={onChange} errorAt={errorAt} />}
      {needs === 'ports' && (
        <TextField
          name={`${at}.ports`}
          label={t`Rule ${n}: ports that must not be open`}
          description={t`Port numbers separated by commas, such as 22, 3389. Empty: no port may be open to the whole internet.`}
          inputMode="numeric"
          autoComplete="off"
          value={rule.ports}
          onChange={(e) => onChange({ ...rule, ports: e.target.value })}
          error={errorAt(`${at}.ports`)}
        />
      )}
      {needs === 'schema' && <SchemaFields rule={rule} n={n} at={at} onChange={onChange} errorAt={errorAt} />}
      <TextField name={`${at}.points`} label={t`Rule ${n}: points`} inputMode="numeric" value={rule.points} onChange={(e) => onChange({ ...rule, points: e.target.value })} error={errorAt(`${at}.points`)} />
      <TextArea
        name={`${at}.message`}
        label={t`Rule ${n}: message to the trainee`}
        description={t`Shown when the rule fails, and beside it when it passes.`}
        rows={2}
        maxLength={500}
        value={rule.message}
        onChange={(e) => onChange({ ...rule, message: e.target.value })}
        error={errorAt(`${at}.message`)}
      />
      <TextArea
        name={`${at}.description`}
        label={t`Rule ${n}: what the trainee is told it checks (optional)`}
        description={t`Shown before submitting. Empty: a description is written for you, without the expected value.`}
        rows={2}
        maxLength={500}
        value={rule.description}
        onChange={(e) => onChange({ ...rule, description: e.target.value })}
        error={errorAt(`${at}.description`)}
      />
      <TextField
        name={`${at}.id`}
        label={t`Rule ${n}: id`}
        description={t`Names the rule in trainees’ feedback.`}
        maxLength={64}
        autoComplete="off"
        spellCheck={false}
        value={rule.id}
        onChange={(e) => onChange({ ...rule, id: e.target.value })}
        error={errorAt(`${at}.id`)}
      />
    </>
  );
}

function AllowedValues({ rule, n, at, onChange, errorAt }: RuleFieldsProps) {
  const { t } = useLingui();
  return (
    <fieldset className="key-block">
      <legend>
        <Trans>Rule {n}: allowed values</Trans>
      </legend>
      {rule.values.map((value, j) => {
        const v = j + 1;
        return (
          <div key={value.uid} className="key-row">
            <ValueField
              name={`${at}.values[${j}]`}
              label={t`Rule ${n}, allowed value ${v}`}
              value={value}
              onChange={(next) => onChange({ ...rule, values: rule.values.map((x, i) => (i === j ? next : x)) })}
              error={errorAt(`${at}.values[${j}]`)}
            />
            <Button
              variant="secondary"
              onClick={() => {
                onChange({ ...rule, values: rule.values.filter((x) => x.uid !== value.uid) });
                focusLater(`[data-add="${at}.values"]`);
              }}
            >
              {t`Remove allowed value ${v} of rule ${n}`}
            </Button>
          </div>
        );
      })}
      <ListError message={errorAt(`${at}.values`)} />
      <Button
        variant="secondary"
        data-add={`${at}.values`}
        onClick={() => {
          onChange({ ...rule, values: [...rule.values, newValue()] });
          focusLater(`[name="${at}.values[${rule.values.length}].type"]`);
        }}
      >
        <Trans>Add an allowed value to rule {n}</Trans>
      </Button>
    </fieldset>
  );
}

function SchemaFields({ rule, n, at, onChange, errorAt }: RuleFieldsProps) {
  const { t } = useLingui();
  const setMessage = (j: number, change: Partial<ConfigRuleDraft['messages'][number]>) => onChange({ ...rule, messages: rule.messages.map((m, i) => (i === j ? { ...m, ...change } : m)) });
  return (
    <>
      <TextArea
        name={`${at}.schema`}
        className="field-code"
        label={t`Rule ${n}: JSON Schema`}
        description={t`For experts: the structure every place the path reaches must follow (draft-07 or 2019/2020 keywords). Trainees never see the schema, only the messages.`}
        rows={8}
        spellCheck={false}
        value={rule.schema}
        onChange={(e) => onChange({ ...rule, schema: e.target.value })}
        error={errorAt(`${at}.schema`)}
      />
      <fieldset className="key-block">
        <legend>
          <Trans>Rule {n}: your own messages (optional)</Trans>
        </legend>
        <p className="meta">
          <Trans>For a place in the document (a JSON pointer such as /spec/replicas) or a schema keyword (such as required), the message shown instead of the generated one.</Trans>
        </p>
        {rule.messages.map((message, j) => {
          const m = j + 1;
          return (
            <div key={message.uid} className="key-row">
              <TextField
                name={`${at}.messages[${j}].where`}
                label={t`Rule ${n}, message ${m}: place or keyword`}
                autoComplete="off"
                spellCheck={false}
                maxLength={300}
                value={message.where}
                onChange={(e) => setMessage(j, { where: e.target.value })}
                error={errorAt(`${at}.messages[${j}].where`)}
              />
              <TextField
                name={`${at}.messages[${j}].message`}
                label={t`Rule ${n}, message ${m}: text`}
                maxLength={500}
                value={message.message}
                onChange={(e) => setMessage(j, { message: e.target.value })}
                error={errorAt(`${at}.messages[${j}].message`)}
              />
              <Button
                variant="secondary"
                onClick={() => {
                  onChange({ ...rule, messages: rule.messages.filter((x) => x.uid !== message.uid) });
                  focusLater(`[data-add="${at}.messages"]`);
                }}
              >
                {t`Remove message ${m} of rule ${n}`}
              </Button>
            </div>
          );
        })}
        <ListError message={errorAt(`${at}.messages`)} />
        <Button
          variant="secondary"
          data-add={`${at}.messages`}
          onClick={() => {
            onChange({ ...rule, messages: [...rule.messages, { uid: uid(), where: '', message: '' }] });
            focusLater(`[name="${at}.messages[${rule.messages.length}].where"]`);
          }}
        >
          <Trans>Add a message to rule {n}</Trans>
        </Button>
      </fieldset>
    </>
  );
}
