import type { Lang } from '../model/text.ts';
import { injectLabStyle } from './lab-style.ts';

/** What a lab reports: a 0–1 score it computed itself and a short ASCII summary of what the learner did. */
export interface LabResult {
  score: number;
  /** [A-Za-z0-9-], at most 40 characters: kept in the learner state and sent as the interaction response. */
  detail: string;
}

/** How the player mounts a lab inside a question of the assessment. */
export interface LabMountOptions {
  lang: Lang;
  /** The attempt seed, for a reproducible order of items. */
  seed: number;
  /** The saved result, to restore the lab after a reload. */
  saved?: LabResult;
  /** After submission: show the lab read-only with its feedback. */
  locked: boolean;
  onChange(result: LabResult): void;
  announce(message: string): void;
}

/** A lab's entry point. Labs ship in their own script (lab-<kind>.js), only in units that use them. */
export interface LabModule {
  mount(root: HTMLElement, options: LabMountOptions): void;
}

declare global {
  interface Window {
    KhienSoLabs?: Record<string, LabModule>;
  }
}

/** Called by each lab bundle to make itself available to the player. */
export function registerLab(kind: string, lab: LabModule): void {
  injectLabStyle();
  (window.KhienSoLabs ??= {})[kind] = lab;
}
