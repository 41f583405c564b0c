import { Trans, useLingui } from '@lingui/react/macro';
import { TextArea } from '../../shared/ui/text-area';
import type { RubricContent } from './assessment.types';
import { CodeEditor } from './code-editor';

/** A design task's answer while typing: a report, links (one per line), and the page's HTML and CSS. */
export interface DesignDraft {
  text: string;
  links: string;
  html: string;
  css: string;
}

export const EMPTY_DESIGN_DRAFT: DesignDraft = { text: '', links: '', html: '', css: '' };

/** The rubric grader's answer: empty parts left out, links one per line. */
export function designAnswerOf(draft: DesignDraft): { text?: string; links?: string[]; html?: string; css?: string } {
  const links = draft.links.split('\n').map((l) => l.trim()).filter(Boolean);
  return {
    ...(draft.text.trim() ? { text: draft.text } : {}),
    ...(links.length ? { links } : {}),
    ...(draft.html.trim() ? { html: draft.html, ...(draft.css.trim() ? { css: draft.css } : {}) } : {}),
  };
}

export function isDesignAnswerEmpty(draft: DesignDraft): boolean {
  const answer = designAnswerOf(draft);
  return !answer.text && !answer.links && !answer.html;
}

interface DesignEditorProps {
  content: RubricContent;
  draft: DesignDraft;
  onChange: (next: (previous: DesignDraft) => DesignDraft) => void;
}

/** A design or written task graded by an instructor against a rubric; submitted HTML is also checked by machine. */
export function DesignEditor({ content, draft, onChange }: DesignEditorProps) {
  const { t } = useLingui();
  const set = (field: keyof DesignDraft) => (value: string) => onChange((previous) => ({ ...previous, [field]: value }));
  return (
    <>
      <section className="section" aria-labelledby="rubric-heading">
        <h2 id="rubric-heading">
          <Trans>How it is graded</Trans>
        </h2>
        <ul className="link-list">
          {content.criteria.map((criterion) => {
            const best = Math.max(0, ...criterion.levels.map((l) => l.points));
            return (
              <li key={criterion.id}>
                {criterion.title} <span className="meta">{t`(points: up to ${best})`}</span>
              </li>
            );
          })}
        </ul>
        {content.design && (
          <>
            <p>
              <Trans>The page you submit is also checked by machine for:</Trans>
            </p>
            <ul className="link-list">
              {content.design.requirements.map((requirement, index) => (
                <li key={index}>{requirement}</li>
              ))}
              <li>
                <Trans>Accessibility ({content.design.accessibility})</Trans>
              </li>
            </ul>
          </>
        )}
      </section>
      <TextArea name="report" label={t`Your report`} rows={6} maxLength={20_000} value={draft.text} onChange={(event) => set('text')(event.target.value)} />
      <TextArea
        name="links"
        label={t`Links (one per line)`}
        description={t`Each starting with https:// or http://.`}
        rows={3}
        className="code"
        spellCheck={false}
        autoCapitalize="off"
        value={draft.links}
        onChange={(event) => set('links')(event.target.value)}
      />
      {content.design && (
        <>
          <CodeEditor label={t`Your page's HTML`} language="plain" value={draft.html} onChange={set('html')} rows={10} />
          <CodeEditor label={t`Your page's CSS`} language="plain" value={draft.css} onChange={set('css')} rows={8} description={t`Optional; used with the HTML above.`} />
        </>
      )}
    </>
  );
}
