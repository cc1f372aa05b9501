import { mergeStates, parseState, serializeState } from '../../core/state.ts';

/**
 * Combines the LRS's copy of the resume state (the truth) with another copy (a local one that covers an
 * offline gap, or this tab's newest): the best result is never downgraded, a viewed lesson stays viewed and
 * the copy with more progress supplies the attempt and answers (mergeStates). A copy that cannot be read
 * never erases one that can; on a tie the LRS's copy wins.
 */
export function mergeStateText(remote: string | null, other: string | null): string | null {
  const r = parseState(remote);
  const o = parseState(other);
  if ('state' in r && 'state' in o) return serializeState(mergeStates(r.state, o.state));
  if ('state' in r) return remote;
  if ('state' in o) return other;
  return other ?? remote;
}
