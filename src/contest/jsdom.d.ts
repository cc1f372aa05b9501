// The slice of jsdom (a devDependency, used only by src/contest/node-env.ts in tests) this project calls.
declare module 'jsdom' {
  export class JSDOM {
    constructor(html?: string, options?: { runScripts?: 'dangerously' | 'outside-only'; url?: string; beforeParse?: (window: Window & typeof globalThis) => void });
    readonly window: Window & typeof globalThis;
  }
}
