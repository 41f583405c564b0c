import { useLingui } from '@lingui/react/macro';
import { TextArea } from '../../shared/ui/text-area';
import { TextField } from '../../shared/ui/text-field';
import { SelectField } from '../../shared/ui/select-field';

export interface SqlKeyDraft {
  datasetSql: string;
  /** Tables given as data (kept as loaded; authored through the API or an import). */
  tables?: unknown[];
  referenceQuery: string;
  orderMatters: 'auto' | 'yes' | 'no';
  tolerance: string;
  revealExpected: 'auto' | 'never' | 'always';
}

export function sqlKeyFromApi(raw: Record<string, unknown> | undefined): SqlKeyDraft {
  const dataset = (raw?.dataset ?? {}) as { sql?: string; tables?: unknown[] };
  const options = (raw?.options ?? {}) as { orderMatters?: boolean; tolerance?: number; revealExpected?: SqlKeyDraft['revealExpected'] };
  return {
    datasetSql: dataset.sql ?? '',
    tables: dataset.tables,
    referenceQuery: typeof raw?.referenceQuery === 'string' ? raw.referenceQuery : '',
    orderMatters: options.orderMatters === undefined ? 'auto' : options.orderMatters ? 'yes' : 'no',
    tolerance: options.tolerance === undefined ? '' : String(options.tolerance),
    revealExpected: options.revealExpected ?? 'auto',
  };
}

export function sqlKeyForApi(key: SqlKeyDraft): Record<string, unknown> {
  return {
    dataset: { ...(key.datasetSql.trim() ? { sql: key.datasetSql } : {}), ...(key.tables?.length ? { tables: key.tables } : {}) },
    referenceQuery: key.referenceQuery,
    options: {
      ...(key.orderMatters === 'auto' ? {} : { orderMatters: key.orderMatters === 'yes' }),
      ...(key.tolerance.trim() ? { tolerance: Number(key.tolerance) } : {}),
      revealExpected: key.revealExpected,
    },
  };
}

/** The dataset the sandbox loads, the reference query whose rows are the answer, and how rows are compared. */
export function SqlKeyEditor({ value, onChange, errors }: { value: SqlKeyDraft; onChange: (value: SqlKeyDraft) => void; errors: Record<string, string> }) {
  const { t } = useLingui();
  return (
    <>
      <TextArea
        name="datasetSql"
        className="field-code"
        label={t`Dataset (SQL that creates and fills the tables)`}
        rows={8}
        value={value.datasetSql}
        onChange={(e) => onChange({ ...value, datasetSql: e.target.value })}
        error={errors['dataset.sql'] ?? errors.dataset}
      />
      <TextArea
        name="referenceQuery"
        className="field-code"
        label={t`Reference query`}
        description={t`Its rows are the expected answer. Save, then run it against the sandbox below.`}
        rows={4}
        value={value.referenceQuery}
        onChange={(e) => onChange({ ...value, referenceQuery: e.target.value })}
        error={errors.referenceQuery}
      />
      <SelectField name="orderMatters" label={t`Row order`} value={value.orderMatters} onChange={(e) => onChange({ ...value, orderMatters: e.target.value as SqlKeyDraft['orderMatters'] })}>
        <option value="auto">{t`Matters only when the reference query has ORDER BY`}</option>
        <option value="yes">{t`Always matters`}</option>
        <option value="no">{t`Never matters`}</option>
      </SelectField>
      <TextField
        name="tolerance"
        label={t`Number tolerance`}
        description={t`Two numbers closer than this count as equal (empty: 0.000001).`}
        inputMode="decimal"
        value={value.tolerance}
        onChange={(e) => onChange({ ...value, tolerance: e.target.value })}
        error={errors['options.tolerance']}
      />
      <SelectField
        name="revealExpected"
        label={t`Expected rows in feedback`}
        value={value.revealExpected}
        onChange={(e) => onChange({ ...value, revealExpected: e.target.value as SqlKeyDraft['revealExpected'] })}
      >
        <option value="auto">{t`Shown only for larger results`}</option>
        <option value="never">{t`Never shown`}</option>
        <option value="always">{t`Always shown`}</option>
      </SelectField>
    </>
  );
}
