import { mergeStates, parseState, serializeState } from '../../core/state.ts';

/**
 * Combines two copies of the resume state (the LRS's and a local one that covers an offline gap, or the
 * LRS's and the one this tab is about to write): the best result is never downgraded, a viewed lesson stays
 * viewed and the copy with more progress supplies the attempt and answers (mergeStates). A copy that cannot
 * be read never erases one that can. On an exact tie `first` wins: the LRS's copy when a session starts,
 * this tab's newest state when it writes (saves are timed in whole seconds).
 */
export function mergeStateText(first: string | null, second: string | null): string | null {
  const a = parseState(first);
  const b = parseState(second);
  if ('state' in a && 'state' in b) return serializeState(mergeStates(a.state, b.state));
  if ('state' in a) return first;
  if ('state' in b) return second;
  return first ?? second;
}
