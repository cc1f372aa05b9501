import { ENDINGS, NODES } from './data.ts';

/** Follows a path of choice ids from the start; returns the ending reached (if any) and the nodes seen. */
export function walk(path: string): { ending: (typeof ENDINGS)[number] | null; nodes: string[] } {
  let node = NODES[0];
  const nodes: string[] = [];
  for (const id of path) {
    if (!node) break;
    nodes.push(node.id);
    const next = node.choices.find((c) => c.id === id)?.next;
    if (!next) break;
    const ending = ENDINGS.find((e) => e.id === next);
    if (ending) return { ending, nodes };
    node = NODES.find((n) => n.id === next);
  }
  if (node && !nodes.includes(node.id)) nodes.push(node.id);
  return { ending: null, nodes };
}

/** The score of a path: the ending's score, or 0 while the call is not over. */
export function gradeScenario(path: string): number {
  return walk(path).ending?.score ?? 0;
}
