import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildRealCurriculum } from '../helpers/build-once.ts';
import type { CatalogUnit } from '../../packaging/catalog.ts';

/** The coverage and size rules of the curriculum, checked on dist/catalog.json so they stay true. */
describe('curriculum coverage and size (from the catalogue)', async () => {
  const { dist, result } = await buildRealCurriculum();
  const catalog = JSON.parse(readFileSync(join(dist, 'catalog.json'), 'utf8')).units as CatalogUnit[];
  const partial = !!process.env.KHIENSO_ONLY;
  const ct = result.curriculum.frameworks.find((f) => f.id === 'ct-gdpt-2018-tin-hoc')!;

  it.skipIf(partial)('every information-security requirement of grades 3–12 is assessed by at least one unit', () => {
    const assessed = new Set(catalog.flatMap((u) => u.outcomes.filter((o) => o.level === 'assessed' && o.questions > 0).map((o) => o.code)));
    const uncovered = ct.outcomes.filter((o) => (o.grade ?? 0) >= 3 && !assessed.has(o.code)).map((o) => o.code);
    expect(uncovered).toEqual([]);
    expect(ct.outcomes.length).toBeGreaterThan(50);
  });

  it.skipIf(partial)('at least 20 units, at least two for every grade 3–12', () => {
    expect(catalog.length).toBeGreaterThanOrEqual(20);
    for (let g = 3; g <= 12; g++) expect(catalog.filter((u) => u.grade === g).length, `grade ${g}`).toBeGreaterThanOrEqual(2);
  });

  it.skipIf(partial)('at least 70 lessons and 600 assessed questions', () => {
    expect(catalog.reduce((s, u) => s + u.lessons.length, 0)).toBeGreaterThanOrEqual(70);
    expect(catalog.reduce((s, u) => s + u.questions.count, 0)).toBeGreaterThanOrEqual(600);
  });

  it('each lesson fits one class period: 35 minutes at primary, 45 at secondary', () => {
    for (const u of catalog) for (const l of u.lessons) expect(l.minutes, `${u.id}/${l.id}`).toBe(u.grade <= 5 ? 35 : 45);
  });

  it('each assessment draws from a bank at least twice the draw size', () => {
    for (const u of catalog) expect(u.questions.count, u.id).toBeGreaterThanOrEqual(2 * u.questions.draw);
  });

  it('every bank uses every question type', () => {
    for (const u of catalog) expect(Object.keys(u.questions.byType).filter((t) => t !== 'lab' && t !== 'hotspot').sort(), u.id).toEqual(['fillin', 'matching', 'multiple', 'ordering', 'single', 'truefalse']);
  });

  it('every lesson has Vietnamese and English text and full teacher notes', () => {
    for (const unit of result.curriculum.units) {
      for (const l of unit.lessons) {
        expect(l.words.vi, `${unit.id}/${l.id}`).toBeGreaterThan(250);
        expect(l.words.en, `${unit.id}/${l.id}`).toBeGreaterThan(250);
        expect(l.teacher, `${unit.id}/${l.id} teacher notes`).toBeDefined();
        expect(l.teacher!.sources.length, `${unit.id}/${l.id} sources`).toBeGreaterThan(0);
        expect(l.teacher!.discussion.length, `${unit.id}/${l.id} discussion`).toBeGreaterThan(0);
        expect(l.teacher!.misconceptions.length, `${unit.id}/${l.id} misconceptions`).toBeGreaterThan(0);
      }
    }
  });

  it('no lesson advises changing passwords on a schedule or cites an invented article number', () => {
    for (const unit of result.curriculum.units) {
      for (const l of unit.lessons) {
        const text = `${l.html.vi}\n${l.html.en}`;
        // Any sentence about changing passwords on a schedule must be saying not to.
        const scheduled = text.replace(/<[^>]+>/g, ' ').split(/[.!?]\s/).filter((sentence) => /(đổi mật khẩu|change (your|their|the) password)/i.test(sentence) && /(mỗi tháng|hằng tháng|định kỳ|every (month|week|30|60|90))/i.test(sentence));
        for (const sentence of scheduled) expect(sentence, `${unit.id}/${l.id}`).toMatch(/không cần|không nên|không phải|no need|don.t|do not|not need|never|myth|sai lầm/i);
        expect(text, `${unit.id}/${l.id}`).not.toMatch(/Điều \d+|Article \d+/);
      }
    }
  });

  it.skipIf(partial)('mock-ups are made for their lesson: the same mock-up appears in at most two lessons', () => {
    const where = new Map<string, string[]>();
    for (const u of result.curriculum.units) for (const l of u.lessons) {
      for (const m of l.html.vi.match(/<figure class="ks-mock[\s\S]*?<\/figure>/g) ?? []) where.set(m, [...(where.get(m) ?? []), `${u.id}/${l.id}`]);
    }
    expect(where.size).toBeGreaterThan(30);
    const repeated = [...where].filter(([, ls]) => ls.length > 2).map(([m, ls]) => `${m.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').slice(0, 120)} → ${ls.join(', ')}`);
    expect(repeated).toEqual([]);
  });

  it.skipIf(partial)('fake addresses are realistic: mostly common endings, with look-alikes and sub-domain tricks, not "odd ending = scam"', () => {
    // Addresses shown in mock-ups (address bars, links, senders) of every lesson and question, and in the labs.
    const shown = [
      ...result.curriculum.units.flatMap((u) => [...u.lessons.map((l) => l.html.vi), ...u.assessment.questions.map((q) => JSON.stringify(q))]),
      ...['src/labs/links/data.ts', 'src/labs/inbox/data.ts'].map((f) => readFileSync(join(import.meta.dirname, '../..', f), 'utf8')),
    ].join('\n');
    const hosts = [...new Set(shown.match(/\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:top|xyz|click|shop|online|info|com|net|org|vn)\b/g) ?? [])];
    const odd = hosts.filter((h) => /\.(top|xyz|click|shop|online|info)$/.test(h));
    expect(hosts.length).toBeGreaterThan(30);
    expect(odd.length / hosts.length, odd.join(' ')).toBeLessThanOrEqual(0.15);
    // The bank's or school's name placed in front of someone else's domain.
    const subdomainTricks = hosts.filter((h) => /\.(vn|edu\.vn|com\.vn)\.[a-z0-9-]+\.(com|net|vn)$/.test(h));
    expect(subdomainTricks.length, hosts.join(' ')).toBeGreaterThanOrEqual(3);
  });
});
