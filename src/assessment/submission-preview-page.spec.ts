import { SUBMISSION_PREVIEW_CSP, submissionPreviewPage } from './submission-preview-page';

describe('submissionPreviewPage', () => {
  it('puts the CSS at the end of the head', () => {
    expect(submissionPreviewPage('<html><head><title>x</title></head><body>b</body></html>', 'h1{color:red}')).toBe(
      '<html><head><title>x</title><style>h1{color:red}</style></head><body>b</body></html>',
    );
  });

  it('puts the CSS first when the page has no head, and leaves a page without CSS as it is', () => {
    expect(submissionPreviewPage('<h1>x</h1>', 'h1{color:red}')).toBe('<style>h1{color:red}</style><h1>x</h1>');
    expect(submissionPreviewPage('<h1>x</h1>', undefined)).toBe('<h1>x</h1>');
  });

  it('never lets the CSS close its style element', () => {
    const page = submissionPreviewPage('<head></head>', 'a{}</STYLE><script>alert(1)</script>');
    expect(page).not.toMatch(/<\/style><script/i);
    expect(page.match(/<\/style>/gi)).toHaveLength(1);
  });

  it('is served with a policy that runs no script and loads nothing', () => {
    expect(SUBMISSION_PREVIEW_CSP).toMatch(/(^|; )sandbox(;|$)/);
    expect(SUBMISSION_PREVIEW_CSP).toContain("default-src 'none'");
    expect(SUBMISSION_PREVIEW_CSP).not.toMatch(/script-src|allow-scripts/);
  });
});
