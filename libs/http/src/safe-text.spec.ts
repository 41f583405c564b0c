import { csvCell, escapeHtml } from './safe-text';

describe('safe text', () => {
  it('escapes the five HTML-significant characters, and nothing else', () => {
    expect(escapeHtml(`<a href="x" title='y'>Tom & Jerry</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;');
    expect(escapeHtml('Señora Pérez — 100%')).toBe('Señora Pérez — 100%');
  });

  it('writes CSV cells that a spreadsheet reads as text, never as a formula', () => {
    expect(['=HYPERLINK("x")', '+1', '-1+2', '@SUM(A1)', '\tx', '\rx'].map(csvCell)).toEqual(["\"'=HYPERLINK(\"\"x\"\")\"", "'+1", "'-1+2", "'@SUM(A1)", "'\tx", "\"'\rx\""]);
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell('plain')).toBe('plain');
  });
});
