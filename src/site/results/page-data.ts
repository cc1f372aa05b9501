// What the results page embeds for its browser script, from the validated curriculum (one source of truth):
// the requirements units address (with the mastery score of the units that assess them) and each unit's
// questions (weight, requirement codes), which turn Moodle's Interactions report into results per requirement.
import type { Curriculum } from '../../model/load/load-curriculum.ts';
import type { RequirementInfo, UnitQuestions } from './mastery.ts';

export function requirementInfos(c: Pick<Curriculum, 'outcomes' | 'units'>): RequirementInfo[] {
  return [...c.outcomes.values()]
    .filter((o) => c.units.some((u) => u.outcomes.some((x) => x.code === o.key)))
    .map((o) => {
      const by = c.units.filter((u) => u.outcomes.some((x) => x.code === o.key && x.level === 'assessed'));
      return { code: o.key, grade: o.grade, vi: o.vi, en: o.en, mastery: by.length ? Math.max(...by.map((u) => u.masteryScore)) : 70 };
    });
}

export function unitQuestions(c: Pick<Curriculum, 'units'>): UnitQuestions[] {
  return c.units.map((u) => {
    const labs = u.assessment.questions.filter((q) => q.type === 'lab').length;
    return {
      id: u.id, title: { vi: u.title.vi, en: u.title.en }, mastery: u.masteryScore,
      // As drawQuestions (src/core/draw.ts) fills an attempt: every lab, then drawn questions up to `draw`.
      perTry: Math.max(labs, Math.min(u.assessment.draw, u.assessment.questions.length)),
      questions: Object.fromEntries(u.assessment.questions.map((q) => [q.id, [q.weight, ...q.outcomes] as [number, ...string[]]])),
    };
  });
}
