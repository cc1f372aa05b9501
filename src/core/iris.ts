/**
 * Stable xAPI activity IRIs. They depend only on ids that never change, so statements from every release
 * of a unit line up in the LRS. URNs are valid IRIs and claim no web domain.
 */
export const iris = {
  course: () => 'urn:khienso:course',
  unit: (unitId: string) => `urn:khienso:unit:${unitId}`,
  lesson: (unitId: string, lessonId: string) => `urn:khienso:unit:${unitId}:lesson:${lessonId}`,
  assessment: (unitId: string) => `urn:khienso:unit:${unitId}:assessment`,
  question: (unitId: string, questionId: string) => `urn:khienso:unit:${unitId}:question:${questionId}`,
  outcome: (code: string) => `urn:khienso:outcome:${code}`,
  /** The cmi5 course (one per unit package). */
  cmi5Course: (unitId: string) => `urn:khienso:cmi5:course:${unitId}`,
};
