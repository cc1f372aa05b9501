import type { Answer } from '../../core/answers.ts';
import type { Question } from '../../model/question-schema.ts';
import type { Lang } from '../../model/text.ts';
import type { InteractionRecord, UnitOutcome } from '../tracker.ts';

/**
 * How the two SCORM versions spell the same interaction data (RTE 1.2 §3.4.2.7; RTE 2004 §4.2.9).
 * A hotspot is recorded as `choice` in both: neither version has a hotspot type, and the learner's answer is a
 * set of marked regions, which is what a choice response is. Region ids are one character a–z/0–9 like choice
 * ids, so "a,c" is a legal 1.2 choice response (single characters separated by commas) and "a[,]c" a legal 2004
 * one (a bag of short_identifier_type, [\w.] only). `other` would lose the correct-response pattern in reports.
 */
export interface InteractionSpelling {
  type: Record<Question['type'], string>;
  /** Separator between items of a list response. */
  list: string;
  /** Separator between source and target of a matching pair. */
  pair: string;
  boolean: (v: boolean) => string;
  result: (r: InteractionRecord['result']) => string;
}

export const SCORM12_SPELLING: InteractionSpelling = {
  type: { single: 'choice', multiple: 'choice', truefalse: 'true-false', matching: 'matching', ordering: 'sequencing', fillin: 'fill-in', hotspot: 'choice', lab: 'performance' },
  list: ',', pair: '.', boolean: (v) => (v ? 't' : 'f'),
  result: (r) => (r.result === 'correct' ? 'correct' : r.result === 'partial' ? r.fraction.toFixed(2) : 'wrong'),
};
export const SCORM2004_SPELLING: InteractionSpelling = {
  type: { single: 'choice', multiple: 'choice', truefalse: 'true-false', matching: 'matching', ordering: 'sequencing', fillin: 'fill-in', hotspot: 'choice', lab: 'other' },
  list: '[,]', pair: '[.]', boolean: (v) => (v ? 'true' : 'false'),
  result: (r) => (r.result === 'correct' ? 'correct' : r.result === 'partial' ? r.fraction.toFixed(2) : 'incorrect'),
};

/** The learner response in the standard's format ('' when unanswered). */
export function formatResponse(a: Answer | undefined, s: InteractionSpelling, max = 250): string {
  if (!a) return '';
  switch (a.type) {
    case 'single': return a.choice;
    case 'multiple': return a.choices.join(s.list);
    case 'hotspot': return a.regions.join(s.list);
    case 'truefalse': return s.boolean(a.value);
    case 'matching': return Object.keys(a.pairs).sort().map((k) => `${k}${s.pair}${a.pairs[k]}`).join(s.list);
    case 'ordering': return a.order.join(s.list);
    case 'fillin': return a.text.slice(0, max);
    case 'lab': return a.detail.slice(0, max);
  }
}

/** The correct-response pattern in the standard's format. */
export function formatCorrect(q: Question, s: InteractionSpelling, lang: Lang): string {
  switch (q.type) {
    case 'single': return q.correct[0] ?? '';
    case 'multiple': return q.correct.join(s.list);
    case 'hotspot': return q.correct.join(s.list);
    case 'truefalse': return s.boolean(q.correct);
    case 'matching': return q.correct.map(([a, b]) => `${a}${s.pair}${b}`).join(s.list);
    case 'ordering': return q.correct.join(s.list);
    case 'fillin': {
      const first = q.accept.find((a) => a[lang]) ?? q.accept[0];
      return (first?.[lang] ?? first?.vi ?? first?.en ?? '').slice(0, 250);
    }
    // A lab has no single correct response pattern; its score carries the grading.
    case 'lab': return '';
  }
}

/** SCORM 1.2 CMITimespan, HHHH:MM:SS.SS. */
export function timespan12(ms: number): string {
  const cs = Math.max(0, Math.round(ms / 10));
  const h = Math.floor(cs / 360000), m = Math.floor((cs % 360000) / 6000), sec = Math.floor((cs % 6000) / 100), frac = cs % 100;
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(Math.min(h, 9999), 4)}:${p(m)}:${p(sec)}.${p(frac)}`;
}

/** SCORM 2004 timeinterval, ISO 8601 duration (PT#H#M#S, centiseconds). */
export function duration2004(ms: number): string {
  const cs = Math.max(0, Math.round(ms / 10));
  const h = Math.floor(cs / 360000), m = Math.floor((cs % 360000) / 6000), sec = (cs % 6000) / 100;
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${sec.toFixed(2).replace(/\.?0+$/, '') || '0'}S`;
}

/** 1.2 status from the learner's standing: passed only once complete; a non-final failure uses the unit's onFail. */
export function status12(o: UnitOutcome, onFail: 'incomplete' | 'failed'): 'passed' | 'failed' | 'incomplete' | 'completed' {
  if (o.success === 'passed') return o.completed ? 'passed' : 'incomplete';
  if (o.success === 'failed') return o.final ? 'failed' : onFail;
  return o.completed ? 'completed' : 'incomplete';
}
