import { escapeHtml } from '@gds/http';
import type { SkillDocument } from './dto/skill.dto';

/** The name of the framework every skill page and credential alignment refers to. */
export const COMPETENCY_FRAMEWORK_NAME = 'GDS Academy competency framework';

/** A skill for people: server-rendered, no script, every value escaped, readable on a phone. */
export function renderSkillPage(skill: SkillDocument): string {
  const rows: Array<[string, string]> = [
    ['Code', skill.code],
    ['Track', skill.track.name],
    ['Framework', skill.framework],
    ...(skill.frameworkRef ? ([['Related standard', skill.frameworkRef]] as Array<[string, string]>) : []),
  ];
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(skill.name)} — ${escapeHtml(skill.framework)}</title>
<link rel="alternate" type="application/json" href="${escapeHtml(skill.id)}">
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:1.5rem auto;padding:0 1rem;line-height:1.5}th{text-align:left;padding-right:1rem;vertical-align:top}</style></head>
<body><main><h1>${escapeHtml(skill.name)}</h1><p>${escapeHtml(skill.description)}</p>
<table>${rows.map(([k, v]) => `<tr><th scope="row">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join('')}</table>
</main></body></html>`;
}
