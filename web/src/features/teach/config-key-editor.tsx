import { Trans, useLingui } from '@lingui/react/macro';
import { Button } from '../../shared/ui/button';
import { ChoiceGroup } from './choice-group';
import { configPointsTotal, newRule, type ConfigFormat, type ConfigKeyDraft, type ConfigRuleDraft } from './config-key';
import { ConfigRuleFields } from './config-rule-fields';
import { KeyItem, ListError, focusLater } from './key-item';
import { moveItem } from './key-draft';

interface ConfigKeyEditorProps {
  value: ConfigKeyDraft;
  onChange: (value: ConfigKeyDraft) => void;
  errorAt: (field: string) => string | undefined;
}

/** How a submitted configuration is read and the rules it is checked against (it is parsed as data, never run). */
export function ConfigKeyEditor({ value, onChange, errorAt }: ConfigKeyEditorProps) {
  const { t } = useLingui();
  const total = configPointsTotal(value);
  // Braces out of the message: they would read as placeholders.
  const [brace, bracket] = ['{', '['];
  const setRule = (index: number, rule: ConfigRuleDraft) => onChange({ ...value, rules: value.rules.map((r, i) => (i === index ? rule : r)) });
  return (
    <>
      <ChoiceGroup<ConfigFormat>
        label={t`Format of the answers`}
        value={value.format}
        onChange={(format) => onChange({ ...value, format })}
        options={[
          { value: 'auto', label: t`Either: JSON when it starts with ${brace} or ${bracket}, otherwise YAML` },
          { value: 'json', label: t`JSON` },
          { value: 'yaml', label: t`YAML` },
        ]}
        error={errorAt('format')}
      />
      <fieldset className="key-block">
        <legend>
          <Trans>Rules ({total} points in all)</Trans>
        </legend>
        <p className="meta">
          <Trans>Each rule checks every place its path reaches. The score is the share of the rules’ points earned, scaled to the maximum score.</Trans>
        </p>
        {value.rules.map((rule, index) => {
          const n = index + 1;
          return (
            <KeyItem
              key={rule.uid}
              legend={t`Rule ${n}`}
              uid={rule.uid}
              position={n}
              count={value.rules.length}
              onMove={(to) => onChange({ ...value, rules: moveItem(value.rules, index, to) })}
              onRemove={() => {
                onChange({ ...value, rules: value.rules.filter((r) => r.uid !== rule.uid) });
                focusLater('[data-add="rule"]');
              }}
            >
              <ConfigRuleFields rule={rule} n={n} at={`rules[${index}]`} onChange={(next) => setRule(index, next)} errorAt={errorAt} />
            </KeyItem>
          );
        })}
        <ListError message={errorAt('rules')} />
        <Button
          variant="secondary"
          data-add="rule"
          onClick={() => {
            onChange({ ...value, rules: [...value.rules, newRule(value.rules.map((r) => r.id))] });
            focusLater(`[name="rules[${value.rules.length}].check"]`);
          }}
        >
          <Trans>Add a rule</Trans>
        </Button>
      </fieldset>
    </>
  );
}
