import type { Actor } from '@xapi/xapi';

/** A stable player id from an xAPI actor: account name, else mailbox, else openid. */
export function actorId(actor: Actor): string | null {
  const a = actor as { account?: { name?: string; homePage?: string }; mbox?: string; mbox_sha1sum?: string; openid?: string };
  if (a.account?.name) return a.account.name;
  return a.mbox?.replace(/^mailto:/, '') ?? a.mbox_sha1sum ?? a.openid ?? null;
}
