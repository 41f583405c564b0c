import { renderMarkdown } from './markdown-renderer';

describe('renderMarkdown', () => {
  it('renders Markdown to HTML', () => {
    const html = renderMarkdown('# Ports\n\nUse **nmap** on [the lab](https://lab.example/x).\n\n```sql\nSELECT 1;\n```');
    expect(html).toContain('<h1>Ports</h1>');
    expect(html).toContain('<strong>nmap</strong>');
    expect(html).toContain('<a href="https://lab.example/x" rel="noopener noreferrer nofollow">the lab</a>');
    expect(html).toContain('<code class="language-sql">');
  });

  it.each([
    ['<script>alert(1)</script>', /<script/i],
    ['<img src="x" onerror="alert(1)">', /onerror/i],
    ['[click](javascript:alert(1))', /javascript:/i],
    ['<a href="JaVaScRiPt:alert(1)">x</a>', /javascript:/i],
    ['<iframe src="https://evil.example"></iframe>', /<iframe/i],
    ['<svg onload="alert(1)"></svg>', /onload|<svg/i],
    ['![x](data:text/html;base64,PHNjcmlwdD4=)', /data:/i],
    ['<p style="background:url(javascript:alert(1))">x</p>', /style|javascript/i],
  ])('never lets %s through', (markdown, bad) => {
    expect(renderMarkdown(markdown)).not.toMatch(bad);
  });

  it('answers null for no body', () => {
    expect(renderMarkdown(null)).toBeNull();
  });
});
