import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../src/labs/inbox/data.ts';
import { decodeVerdicts, encodeVerdicts, gradeInbox, type Verdict } from '../../src/labs/inbox/grade.ts';
import { LINKS } from '../../src/labs/links/data.ts';
import { decodeLinks, encodeLinks, gradeLinks, registrableDomain } from '../../src/labs/links/grade.ts';
import { gradeScenario, walk } from '../../src/labs/scenario/grade.ts';
import { PASSPHRASE_GOAL, decodePassword, encodePassword, gradePassword } from '../../src/labs/password/grade.ts';
import { estimate } from '../../src/labs/password/estimate.ts';

describe('inbox triage grading', () => {
  const perfect: Verdict[] = MESSAGES.map((m) => (m.scam ? { kind: 'scam', clues: m.clues } : { kind: 'real' }));
  it('full marks for every message classified and every clue marked right', () => {
    expect(gradeInbox(perfect)).toBe(1);
  });
  it('calling a real message a scam, or missing clues, loses points', () => {
    const total = MESSAGES.reduce((s, m) => s + (m.scam ? 2 : 1), 0);
    const realIndex = MESSAGES.findIndex((m) => !m.scam);
    const wrongReal = perfect.map((v, i) => (i === realIndex ? ({ kind: 'scam', clues: [] } as Verdict) : v));
    expect(gradeInbox(wrongReal)).toBeCloseTo((total - 1) / total);
    const scamIndex = MESSAGES.findIndex((m) => m.scam && m.clues.length === 2);
    const noClues = perfect.map((v, i) => (i === scamIndex ? ({ kind: 'scam', clues: [] } as Verdict) : v));
    expect(gradeInbox(noClues)).toBeCloseTo((total - 0.5) / total);
    expect(gradeInbox([])).toBe(0);
  });
  it('round-trips through the compact summary', () => {
    expect(decodeVerdicts(encodeVerdicts(perfect))).toEqual(perfect);
    expect(encodeVerdicts(perfect)).toMatch(/^[0-9a-fr-]+$/);
  });
});

describe('link inspector grading', () => {
  it('scores the classification and the reason', () => {
    const perfect = LINKS.map((l) => ({ safe: l.safe, reason: l.safe ? null : l.reason ?? null }));
    expect(gradeLinks(perfect)).toBe(1);
    const noReasons = LINKS.map((l) => ({ safe: l.safe, reason: null }));
    const unsafe = LINKS.filter((l) => !l.safe).length;
    expect(gradeLinks(noReasons)).toBeCloseTo((LINKS.length - unsafe * 0.5) / LINKS.length);
    expect(decodeLinks(encodeLinks(perfect))).toEqual(perfect);
  });
  it('finds the registrable domain behind a look-alike address', () => {
    expect(registrableDomain('https://nganhangabc-vn.top/dang-nhap')).toBe('nganhangabc-vn.top');
    // The sub-domain trick: the bank's name at the front, the real owner at the end.
    expect(registrableDomain('https://nganhangabc.vn.xac-thuc-tk.com/dang-nhap')).toBe('xac-thuc-tk.com');
    expect(registrableDomain('https://nganhangabc.com.vn/')).toBe('nganhangabc.com.vn');
    expect(registrableDomain('https://hocbai.thcs-hoabinh.edu.vn/bai-tap')).toBe('thcs-hoabinh.edu.vn');
    expect(registrableDomain('https://dangnhap-mangxahoi.example.com/')).toBe('example.com');
  });
});

describe('social-engineering scenario grading', () => {
  it('hanging up at once scores full marks; recovering later scores less; giving the OTP scores nothing', () => {
    expect(gradeScenario('c')).toBe(1);
    expect(gradeScenario('b')).toBe(1);
    expect(gradeScenario('ab')).toBe(0.6);
    expect(gradeScenario('acb')).toBe(0.6);
    expect(gradeScenario('aa')).toBe(0);
    expect(gradeScenario('aca')).toBe(0);
    expect(gradeScenario('a')).toBe(0);
    expect(walk('ac').nodes).toEqual(['start', 'app', 'secret']);
  });
});

describe('passwords lab', () => {
  it('estimates common and Vietnamese-word passwords as weak and long random-word passphrases as strong', () => {
    expect(estimate('anhyeuem').score).toBeLessThanOrEqual(1);
    expect(estimate('matkhau123').score).toBeLessThanOrEqual(1);
    expect(estimate('P@ssw0rd').score).toBe(0);
    // "Name + year + symbols" looks complex but is far from the goal; four random words reach it.
    expect(estimate('Nam@2014!').score).toBeLessThan(PASSPHRASE_GOAL);
    expect(estimate('caheo-tivi-nonla-muatuyet').score).toBeGreaterThanOrEqual(PASSPHRASE_GOAL);
    expect(estimate('trau-mua-bien-gio-xanh').guessesLog10).toBeGreaterThan(estimate('Nam@2014!').guessesLog10 + 8);
  });
  it('grades a third per task and keeps only what was achieved, never the password', () => {
    const p = { best: 4, reuse: true, twoStep: 'done' as const };
    expect(gradePassword(p)).toBe(1);
    expect(gradePassword({ best: 3, reuse: true, twoStep: null })).toBeCloseTo(1 / 3);
    expect(encodePassword(p)).toBe('p4r1t1');
    expect(decodePassword('p4r1t1')).toEqual(p);
    expect(decodePassword('garbage')).toEqual({ best: -1, reuse: null, twoStep: null });
  });
});
