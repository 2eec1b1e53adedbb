import type { FormPractice, MenuPathPractice, MenuScreen, PracticeTask } from './model';
import { fieldRuleError } from './practice-answers';

/** What is wrong with a practice task's own definition; `path` is relative to the task. */
export function practiceProblems(p: PracticeTask): { path: string; message: string }[] {
  return p.kind === 'form' ? formProblems(p) : menuProblems(p);
}

function formProblems(p: FormPractice): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  if (p.fields.length === 0)
    out.push({ path: '.fields', message: 'formulir latihan belum memiliki isian.' });
  const keys = new Set<string>();
  p.fields.forEach((f, i) => {
    const at = `.fields[${i}]`;
    if (keys.has(f.key))
      out.push({ path: `${at}.key`, message: `isian "${f.key}" disebut dua kali.` });
    keys.add(f.key);
    if (f.pattern !== undefined) {
      try {
        new RegExp(f.pattern);
      } catch {
        out.push({
          path: `${at}.pattern`,
          message: `aturan isian "${f.label}" bukan pola yang sah.`,
        });
        return;
      }
    }
    const rule = fieldRuleError(f, f.expected);
    if (rule)
      out.push({
        path: `${at}.expected`,
        message: `jawaban benar isian "${f.label}" melanggar aturan isian itu sendiri (${rule}).`,
      });
  });
  return out;
}

function menuProblems(p: MenuPathPractice): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  const screens = new Map(p.screens.map((s) => [s.id, s]));
  let screen: MenuScreen | undefined = screens.get(p.startScreenId);
  if (!screen)
    return [{ path: '.startScreenId', message: `layar awal "${p.startScreenId}" tidak ada.` }];
  if (p.expectedPath.length === 0)
    return [{ path: '.expectedPath', message: 'jalur menu yang benar belum ditentukan.' }];
  for (const s of p.screens)
    s.options.forEach((o, j) => {
      if (o.nextScreenId !== null && !screens.has(o.nextScreenId))
        out.push({
          path: `.screens[${p.screens.indexOf(s)}].options[${j}].nextScreenId`,
          message: `menu "${o.label}" mengarah ke layar "${o.nextScreenId}" yang tidak ada.`,
        });
    });
  for (const [i, optionId] of p.expectedPath.entries()) {
    const option: MenuScreen['options'][number] | undefined = screen?.options.find(
      (o) => o.id === optionId,
    );
    if (!screen || !option) {
      out.push({
        path: `.expectedPath[${i}]`,
        message: `langkah ${i + 1} jalur menu ("${optionId}") tidak ada di layar ${screen ? `"${screen.title}"` : 'sebelumnya (menu terakhir tidak membuka layar)'}.`,
      });
      break;
    }
    screen = option.nextScreenId === null ? undefined : screens.get(option.nextScreenId);
  }
  return out;
}
