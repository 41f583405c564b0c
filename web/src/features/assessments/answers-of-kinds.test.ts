import { describe, expect, it } from 'vitest';
import { flagAnswerOf } from './flag-editor';
import { designAnswerOf, isDesignAnswerEmpty, EMPTY_DESIGN_DRAFT } from './design-editor';
import { configAnswerOf } from './config-editor';

describe('answers of each kind, as their graders read them', () => {
  it('flags: each once, trimmed, empty fields left out', () => {
    expect(flagAnswerOf({ flags: { f1: ' FLAG{a} ', f2: '', f3: 'FLAG{a}', f4: 'FLAG{b}' }, hints: { h1: 'Look at the logs' } })).toEqual({ flags: ['FLAG{a}', 'FLAG{b}'] });
    expect(flagAnswerOf({ flags: {}, hints: {} })).toEqual({ flags: [] });
  });

  it('design: report, links one per line, html with its css; css alone is not sent', () => {
    expect(designAnswerOf({ text: 'My report', links: ' https://a.example \n\nhttp://b.example', html: '<main></main>', css: 'main{}' })).toEqual({
      text: 'My report', links: ['https://a.example', 'http://b.example'], html: '<main></main>', css: 'main{}',
    });
    expect(designAnswerOf({ ...EMPTY_DESIGN_DRAFT, css: 'main{}' })).toEqual({});
    expect(isDesignAnswerEmpty({ ...EMPTY_DESIGN_DRAFT, css: 'main{}', text: '  ' })).toBe(true);
    expect(isDesignAnswerEmpty({ ...EMPTY_DESIGN_DRAFT, links: 'https://a.example' })).toBe(false);
  });

  it('config: the format is sent only when the exercise fixes one', () => {
    const rules = { rules: [], totalPoints: 0 };
    expect(configAnswerOf({ ...rules, format: 'auto' }, 'a: 1')).toEqual({ document: 'a: 1' });
    expect(configAnswerOf({ ...rules, format: 'json' }, '{}')).toEqual({ document: '{}', format: 'json' });
  });
});
