import { importScenario, type Scenario, type SimulationSettings } from '@siantar/scenario';
import { AppError } from '@siantar/server-core';
import type { EntityManager } from 'typeorm';
import { sanitizeLessonHtml } from './sanitize';

type Raw = Record<string, unknown>;

/** Largest scenario accepted, as JSON: generous for a dozen scenes with practice screens. */
const MAX_SCENARIO_CHARS = 500_000;

const invalid = (errors: { path: string; message: string }[]) =>
  new AppError(
    400,
    'lessons.invalid-content',
    `Isi simulasi tidak valid — ${errors
      .slice(0, 5)
      .map((e) => `${e.path}: ${e.message}`)
      .join('; ')}${errors.length > 5 ? `; dan ${errors.length - 5} lagi` : ''}.`,
    errors,
  );

/** What a new simulation lesson starts with: an opening scene leading to one ending. */
export function starterSimulation(title: string): {
  scenario: Scenario;
  settings: SimulationSettings;
} {
  return {
    scenario: {
      schemaVersion: 1,
      title,
      competencies: [{ key: 'empati', label: 'Empati' }],
      variables: [],
      startSceneId: 'pembuka',
      scenes: [
        {
          id: 'pembuka',
          title: 'Pembuka',
          narrative: '<p>Tuliskan situasi yang dihadapi peserta.</p>',
          choices: [{ id: 'lanjut', label: 'Lanjutkan', targetSceneId: 'akhir' }],
          position: { x: 40, y: 80 },
        },
        {
          id: 'akhir',
          title: 'Akhir',
          narrative: '<p>Akhir cerita.</p>',
          choices: [],
          ending: { rating: 'best', debrief: 'Tuliskan pembahasan jalan terbaik.' },
          position: { x: 320, y: 80 },
        },
      ],
    },
    settings: { completion: 'ending', counts: 'best' },
  };
}

function settingsOf(raw: unknown): SimulationSettings {
  const s = (raw ?? {}) as Raw;
  const errors: { path: string; message: string }[] = [];
  const extra = Object.keys(s).filter((k) => !['completion', 'minScore', 'counts'].includes(k));
  if (extra.length > 0)
    errors.push({ path: 'content.settings', message: `kolom tidak dikenal: ${extra.join(', ')}` });
  if (s['completion'] !== 'ending' && s['completion'] !== 'min-score')
    errors.push({
      path: 'content.settings.completion',
      message: 'harus "ending" atau "min-score"',
    });
  if (s['counts'] !== 'best' && s['counts'] !== 'last')
    errors.push({ path: 'content.settings.counts', message: 'harus "best" atau "last"' });
  const min = s['minScore'];
  if (s['completion'] === 'min-score' && (typeof min !== 'number' || !Number.isFinite(min)))
    errors.push({ path: 'content.settings.minScore', message: 'nilai minimal wajib berupa angka' });
  if (errors.length > 0) throw invalid(errors);
  return {
    completion: s['completion'] as SimulationSettings['completion'],
    ...(s['completion'] === 'min-score' ? { minScore: min as number } : {}),
    counts: s['counts'] as SimulationSettings['counts'],
  };
}

/**
 * A simulation lesson's content, checked for shape (every part where the model says, each
 * fault with its path) and made safe (narratives sanitised, media URLs https or uploaded
 * files). The story itself may still be unfinished in a draft: the graph is checked when
 * the draft is submitted for review.
 */
export async function normalizeSimulationContent(
  raw: Raw,
  em: EntityManager,
  lessonTitle: string,
): Promise<Raw> {
  if (Object.keys(raw).length === 0) return { ...starterSimulation(lessonTitle) };
  const extra = Object.keys(raw).filter((k) => k !== 'scenario' && k !== 'settings');
  if (extra.length > 0)
    throw invalid([{ path: 'content', message: `kolom tidak dikenal: ${extra.join(', ')}` }]);
  const text = JSON.stringify(raw['scenario'] ?? null);
  if (text.length > MAX_SCENARIO_CHARS)
    throw invalid([
      { path: 'content.scenario', message: 'skenario terlalu besar (maksimal 500 KB)' },
    ]);
  const parsed = importScenario(text);
  if (!parsed.ok)
    throw invalid(
      parsed.errors.map((e) => ({ path: `content.scenario.${e.path}`, message: e.message })),
    );
  const scenario = parsed.scenario;
  for (const [i, scene] of scenario.scenes.entries()) {
    scene.narrative = sanitizeLessonHtml('html', scene.narrative);
    const m = scene.media;
    if (!m) continue;
    const at = `content.scenario.scenes[${i}].media`;
    if ((m.fileId === undefined) === (m.url === undefined))
      throw invalid([{ path: at, message: 'isi salah satu: fileId (berkas unggahan) atau url' }]);
    if (m.url !== undefined && !/^https:\/\/[^\s]+$/.test(m.url))
      throw invalid([{ path: `${at}.url`, message: 'harus alamat https://' }]);
    if (m.fileId !== undefined) {
      const purpose = m.kind === 'video' ? 'video' : 'cover';
      const rows: unknown[] = await em.query(
        `SELECT 1 FROM stored_file WHERE id::text = $1 AND purpose = $2`,
        [m.fileId, purpose],
      );
      if (rows.length === 0)
        throw invalid([
          {
            path: `${at}.fileId`,
            message: `berkas ${purpose} ini tidak ada; unggah dulu lewat POST /files`,
          },
        ]);
    }
  }
  return { scenario, settings: settingsOf(raw['settings']) };
}
