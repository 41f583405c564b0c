import { checkDesignInThisThread as checkDesign, DESIGN_LIMITS, measurePage } from './design-checks';

describe('checkDesignInThisThread (jsdom + axe-core; the pool runs it in a worker thread)', () => {
  it('reports missing structure and accessibility violations, one finding each', async () => {
    const findings = await checkDesign({
      html: '<!doctype html><html><head><title>Form</title></head><body><img src="hero.png"><form><input type="text"></form><button></button></body></html>',
      requiredSelectors: [
        { selector: 'nav', message: 'Add a navigation landmark (<nav>).' },
        { selector: 'form input', message: 'The form needs an input.' },
      ],
    });
    const messages = findings.map((f) => f.message);
    expect(messages).toContain('Add a navigation landmark (<nav>).');
    expect(messages).not.toContain('The form needs an input.');
    const rules = findings.filter((f) => f.kind === 'accessibility').map((f) => f.message);
    expect(rules.some((m) => m.includes('image-alt'))).toBe(true);
    expect(rules.some((m) => m.includes('button-name'))).toBe(true);
    expect(rules.some((m) => m.includes('html-has-lang'))).toBe(true);
  });

  it('passes an accessible page that has the asked-for structure', async () => {
    const findings = await checkDesign({
      html: '<!doctype html><html lang="en"><head><title>Ok</title></head><body><nav><a href="/">Home</a></nav><main><h1>Hello</h1><img src="a.png" alt="A chart"></main></body></html>',
      css: 'main { padding: 1rem; }',
      requiredSelectors: [{ selector: 'nav a', message: 'Add links in the navigation.' }],
    });
    expect(findings).toEqual([]);
  });

  it('never executes submitted scripts and never fetches resources', async () => {
    const marker = `ran-${Date.now()}`;
    const findings = await checkDesign({
      html: `<html lang="en"><head><title>x</title><script>globalThis.__ran = '${marker}'; fetch('http://127.0.0.1:1/')</script></head><body><main><h1>x</h1></main><img src="http://127.0.0.1:1/x.png" alt="x" onerror="globalThis.__ran='${marker}'"></body></html>`,
      requiredSelectors: [],
    });
    expect((globalThis as { __ran?: string }).__ran).toBeUndefined();
    expect(findings.filter((f) => f.kind !== 'accessibility')).toEqual([]);
  });

  it('turns a bad selector and an oversized page into feedback, not an error', async () => {
    expect(await checkDesign({ html: '<p>x</p>', requiredSelectors: [{ selector: '((', message: 'x' }] })).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'input' })]),
    );
    const huge = await checkDesign({ html: 'x'.repeat(600 * 1024), requiredSelectors: [] });
    expect(huge).toEqual([expect.objectContaining({ kind: 'input' })]);
  });

  it.each([
    ['400 empty iframes', '<iframe></iframe>'.repeat(400), /more than 10 frames/],
    ['10,000 paragraphs', '<p>x</p>'.repeat(10_000), /more than 2000 elements/],
    ['3,000 nested divs', `${'<div>'.repeat(3000)}x${'</div>'.repeat(3000)}`, /deeper than 256 levels/],
  ])('refuses %s before building any DOM, with a clear message', async (_name, html, message) => {
    expect(measurePage(html)).toMatch(message);
    expect(await checkDesign({ html, requiredSelectors: [] })).toEqual([{ kind: 'input', message: expect.stringMatching(message) }]);
  });

  it('accepts pages within the caps, counting only real nesting', () => {
    expect(measurePage(`<ul>${'<li>item'.repeat(500)}</ul>${'<p>a<br><img src=x>'.repeat(300)}`)).toBeUndefined();
    expect(measurePage(`${'<div>'.repeat(DESIGN_LIMITS.depth)}${'</div>'.repeat(DESIGN_LIMITS.depth)}`)).toBeUndefined();
  });
});
