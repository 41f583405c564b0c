// The few jsdom members we use. @types/jsdom is not installed: it pulls DOM typings into the whole
// program, which clash with Node's fetch types that the test HTTP client relies on.
declare module 'jsdom' {
  export class VirtualConsole {}
  export interface JSDOMOptions {
    runScripts?: 'dangerously' | 'outside-only';
    virtualConsole?: VirtualConsole;
    url?: string;
    pretendToBeVisual?: boolean;
  }
  export class JSDOM {
    constructor(html?: string, options?: JSDOMOptions);
    readonly window: any;
  }
}
