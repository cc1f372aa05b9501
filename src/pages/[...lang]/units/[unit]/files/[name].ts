// A program file a lesson ships (```python file="…" in its MDX), served as plain text so teachers download
// exactly the code the lesson shows; Vietnamese files at the root, English ones (translated comments) under en/.
import type { APIRoute } from 'astro';
import { LANGS, langParam, type Lang } from '../../../../../site/i18n.ts';
import { units } from '../../../../../site/data.ts';

export const getStaticPaths = () =>
  LANGS.flatMap((lang) => units().flatMap((unit) => unit.lessons.flatMap((l) => l.programs[lang].map((p) => ({ params: { lang: langParam(lang), unit: unit.id, name: p.name }, props: { code: p.code, lang } })))));

export const GET: APIRoute = ({ props }) => {
  const { code } = props as { code: string; lang: Lang };
  return new Response(code, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
};
