import { renderMarkdown } from './markdown-renderer';

describe('renderMarkdown', () => {
  it('renders Markdown to HTML', () => {
    const html = renderMarkdown('# Ports\n\nUse **nmap** on [the lab](https://lab.example/x).\n\n```sql\nSELECT 1;\n```');
    expect(html).toContain('<h2>Ports</h2>');
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

  it('starts a lesson’s headings at h2, the page’s h1 being the lesson title', () => {
    const html = renderMarkdown('# One\n\n## Two\n\n###### Six\n\n<h1>Raw</h1>\n\nSetext\n======');
    expect(html).not.toMatch(/<h1/);
    expect(html).toContain('<h2>One</h2>');
    expect(html).toContain('<h3>Two</h3>');
    expect(html).toContain('<h6>Six</h6>');
    expect(html).toContain('<h2>Raw</h2>');
    expect(html).toContain('<h2>Setext</h2>');
  });

  it('answers null for no body', () => {
    expect(renderMarkdown(null)).toBeNull();
  });
});
