import { Trans, useLingui } from '@lingui/react/macro';
import { TextField } from '../../shared/ui/text-field';
import { ConfirmDialog } from '../../shared/ui/confirm-dialog';
import { FormAlert } from '../../shared/ui/form-alert';
import { useErrorMessage } from '../../shared/states/error-state';
import type { FlagContent } from './assessment.types';
import { useRevealHint } from './assessment.queries';

/** The flags as typed and the hints already revealed (their text), kept with the draft. */
export interface FlagDraft {
  flags: Record<string, string>;
  hints: Record<string, string>;
}

export const EMPTY_FLAG_DRAFT: FlagDraft = { flags: {}, hints: {} };

/** The flags given, each once and trimmed, as the flag grader reads them. */
export function flagAnswerOf(draft: FlagDraft): { flags: string[] } {
  return { flags: [...new Set(Object.values(draft.flags).map((f) => f.trim()).filter(Boolean))] };
}

interface FlagEditorProps {
  assessmentId: string;
  content: FlagContent;
  draft: FlagDraft;
  onChange: (next: (previous: FlagDraft) => FlagDraft) => void;
  canWork: boolean;
}

/** A capture-the-flag challenge: one field per flag, and hints revealed one by one at their cost. */
export function FlagEditor({ assessmentId, content, draft, onChange, canWork }: FlagEditorProps) {
  const { t } = useLingui();
  const errorMessage = useErrorMessage();
  const reveal = useRevealHint(assessmentId);
  return (
    <>
      <div className="fieldset">
        {content.flags.map((flag) => (
          <TextField
            key={flag.id}
            name={`flag-${flag.id}`}
            label={t`Flag: ${flag.label}`}
            description={t`Points: ${flag.points}`}
            className="code"
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            maxLength={200}
            value={draft.flags[flag.id] ?? ''}
            onChange={(event) => {
              const value = event.target.value;
              onChange((previous) => ({ ...previous, flags: { ...previous.flags, [flag.id]: value } }));
            }}
          />
        ))}
      </div>
      {content.hints.length > 0 && (
        <section className="section" aria-labelledby="hints-heading">
          <h2 id="hints-heading">
            <Trans>Hints</Trans>
          </h2>
          <p>
            <Trans>A revealed hint's cost comes off your score on every later submission.</Trans>
          </p>
          <FormAlert message={reveal.isError ? errorMessage(reveal.error) : undefined} />
          <ol className="hint-list">
            {content.hints.map((hint, index) => {
              const number = index + 1;
              const cost = hint.cost;
              const text = draft.hints[hint.id];
              return (
                <li key={hint.id}>
                  {text !== undefined ? (
                    <p>
                      <strong>
                        <Trans>Hint {number}:</Trans>
                      </strong>{' '}
                      {text}
                    </p>
                  ) : (
                    canWork && (
                      <ConfirmDialog
                        trigger={t`Reveal hint ${number} (costs ${cost} points)`}
                        title={t`Reveal hint ${number}?`}
                        confirm={t`Reveal it`}
                        cancel={t`Keep it hidden`}
                        variant="primary"
                        onConfirm={() =>
                          reveal.mutate(hint.id, {
                            onSuccess: (revealed) => onChange((previous) => ({ ...previous, hints: { ...previous.hints, [hint.id]: revealed.text } })),
                          })
                        }
                      >
                        <p>
                          <Trans>It costs {cost} points, taken from your score on every later submission of this challenge.</Trans>
                        </p>
                      </ConfirmDialog>
                    )
                  )}
                </li>
              );
            })}
          </ol>
        </section>
      )}
    </>
  );
}
