import { toCsv } from './csv-writer';
import { esc } from './html-escape';

describe('CSV writer (RFC 4180)', () => {
  it('quotes fields holding commas, quotes or line breaks, ends every line with CRLF', () => {
    const csv = toCsv(['a', 'b'], [['Globe "Contact", Inc.', 3], ['two\nlines', null]]);
    expect(csv).toBe('a,b\r\n"Globe ""Contact"", Inc.",3\r\n"two\nlines",\r\n');
  });

  it('keeps a spreadsheet from running a text as a formula', () => {
    expect(toCsv(['x'], [['=HYPERLINK("http://evil")'], ['@SUM(A1)'], ['-1+2']])).toBe('x\r\n"\'=HYPERLINK(""http://evil"")"\r\n\'@SUM(A1)\r\n\'-1+2\r\n');
  });
});

describe('HTML escaping', () => {
  it('escapes every character that could open markup or an attribute', () => {
    expect(esc(`<script>alert("x")</script> & 'y'`)).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;');
  });
});
