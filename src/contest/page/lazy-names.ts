/** Names shared by the contest page's lazy loader (lazy.ts) and the build that writes the parts (packaging/contest/bundle.ts). */

/** The global a lazy part calls to register itself: `__ksLazy(name, value)`. */
export const LAZY_REGISTER = '__ksLazy';
/** The global holding the modules the page shares with its lazy parts. */
export const LAZY_SHARED = '__ksShared';
/** Those modules, by file name (src/contest/<name>.ts). */
export const SHARED_MODULES = ['http', 'fixcheck', 'sha256'] as const;
export type SharedModule = (typeof SHARED_MODULES)[number];

/** Where a lazy part is, relative to the contest page. */
export const lazyFile = (name: string) => `lazy/${name}.js`;
