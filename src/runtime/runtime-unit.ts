import type { RuntimeQuestion } from '../core/hashed-keys.ts';
import type { LocalizedText } from '../model/text.ts';
import type { OutcomeRef } from '../model/unit-schema.ts';

/** What the lesson page needs of a unit at run time (lesson bodies are already in the page's HTML). */
export interface RuntimeUnit {
  id: string;
  version: string;
  /** School grade 3–12: grades 3–5 get the young learners' wording and bigger targets. */
  grade?: number;
  title: LocalizedText;
  masteryScore: number;
  onFail: 'incomplete' | 'failed';
  maxAttempts: number;
  lessons: { id: string; title: LocalizedText }[];
  draw: number;
  /** The question bank with hashed keys (src/core/hashed-keys.ts); plain questions are accepted too. */
  bank: RuntimeQuestion[];
  outcomes: OutcomeRef[];
}
