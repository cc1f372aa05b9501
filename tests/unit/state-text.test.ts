import { describe, expect, it } from 'vitest';
import { cutText, parseState, serializeState, wellFormed, type LearnerState } from '../../src/core/state.ts';

type Answer = LearnerState['answers'] extends Map<string, infer A> ? A : never;

const base = (text: string): LearnerState => ({
  position: 1, viewed: [true, false], attempt: 1, seed: 12345, bank: 'bank1', submitted: false, best: null, savedAt: 1_700_000_000_000,
  answers: new Map<string, Answer>([['fill', { type: 'fillin', text } as Answer]]),
} as LearnerState);

describe('the state encoder never throws on any string a learner or a script can put in a field', () => {
  it('runs of lone surrogates (two low halves in a row) are replaced, not passed to the URI encoder', () => {
    for (const text of ['\uDE42\uDE42', 'x\uDE42\uDE42y', '\uDE42\uDE42\uDE42', '\uD83D\uD83D', '\uDE42\uD83D\uDE42']) {
      expect(() => encodeURIComponent(wellFormed(text)), JSON.stringify(text)).not.toThrow();
      expect(wellFormed(text)).toHaveLength(text.length);
    }
    expect(wellFormed('x\uDE42\uDE42y')).toBe('x\uFFFD\uFFFDy');
    expect(wellFormed('a🙂b')).toBe('a🙂b');
  });

  it('every string of up to 5 code units from emoji halves, combining marks and separators round-trips', () => {
    const alphabet = ['a', '\uD83D', '\uDE42', '\u0301', '|', ';', '%', '\u0000'];
    let checked = 0;
    const walk = (prefix: string) => {
      if (prefix.length) {
        const back = parseState(serializeState(base(prefix)));
        expect('state' in back, JSON.stringify(prefix)).toBe(true);
        const a = 'state' in back ? back.state.answers.get('fill') : undefined;
        expect(a && 'text' in a ? a.text : undefined).toBe(wellFormed(prefix));
        checked++;
      }
      if (prefix.length < 5) for (const c of alphabet) walk(prefix + c);
    };
    walk('');
    expect(checked).toBeGreaterThan(30_000);
  });

  it('cutting at a length limit never leaves half an emoji', () => {
    for (let max = 1; max <= 9; max++) {
      const cut = cutText('🙂e\u0301🙂🙂', max);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(wellFormed(cut)).toBe(cut);
    }
  });
});
