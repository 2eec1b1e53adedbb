import type { ScormCommitRequest, ScormStateResponse } from '@siantar/contracts';
import { createScorm12Runtime, loadScorm12, toScormCommit, toStartingCmi } from './scorm-runtime';

const start: ScormStateResponse['cmi'] = {
  studentId: 'u-1',
  studentName: 'Marpaung, Rina',
  lessonStatus: 'incomplete',
  entry: 'resume',
  scoreRaw: '',
  scoreMin: '',
  scoreMax: '',
  suspendData: 'page=2',
  lessonLocation: '2',
  totalTime: '0000:01:30.00',
};

describe('SCORM commit mapping', () => {
  it('maps cmi values to a ScormCommitRequest', () => {
    expect(
      toScormCommit('c1', {
        core: {
          lesson_status: 'passed',
          lesson_location: 'page-3',
          exit: 'suspend',
          session_time: '0000:05:12.50',
          score: { raw: 85, min: '0', max: '100' },
        },
        suspend_data: 'a=1',
      }),
    ).toEqual<ScormCommitRequest>({
      id: 'c1',
      lessonStatus: 'passed',
      scoreRaw: '85',
      scoreMin: '0',
      scoreMax: '100',
      suspendData: 'a=1',
      lessonLocation: 'page-3',
      sessionTime: '0000:05:12.50',
      exit: 'suspend',
    });
  });

  it('leaves empty values out, defaults an unknown status to incomplete, and keeps limits', () => {
    const commit = toScormCommit('c2', {
      core: { lesson_status: 'unknown', exit: 'bogus', score: { raw: '' } },
      suspend_data: 'x'.repeat(5000),
    });
    expect(commit).toEqual({ id: 'c2', lessonStatus: 'incomplete', suspendData: 'x'.repeat(4096) });
    expect(toScormCommit('c3', {})).toEqual({ id: 'c3', lessonStatus: 'incomplete' });
    expect(toScormCommit('c4', { core: { exit: '' } }).exit).toBe('');
  });

  it('turns the server state into starting cmi, without a "not attempted" status', () => {
    expect(toStartingCmi(start)).toEqual({
      core: {
        student_id: 'u-1',
        student_name: 'Marpaung, Rina',
        entry: 'resume',
        lesson_location: '2',
        lesson_status: 'incomplete',
        total_time: '0000:01:30.00',
        score: { raw: '', min: '', max: '' },
      },
      suspend_data: 'page=2',
    });
    expect(toStartingCmi({ ...start, lessonStatus: 'not attempted' }).core).not.toHaveProperty(
      'lesson_status',
    );
  });
});

describe('SCORM 1.2 runtime (scorm-again)', () => {
  it('resumes from the server state and reports LMSCommit and LMSFinish as commits', async () => {
    const Api = await loadScorm12();
    const commits: { commit: ScormCommitRequest; finished: boolean }[] = [];
    let n = 0;
    const api = createScorm12Runtime(
      Api,
      start,
      (commit, finished) => commits.push({ commit, finished }),
      () => `id-${++n}`,
    );

    expect(api.LMSInitialize('')).toBe('true');
    expect(api.LMSGetValue('cmi.core.student_id')).toBe('u-1');
    expect(api.LMSGetValue('cmi.core.student_name')).toBe('Marpaung, Rina');
    expect(api.LMSGetValue('cmi.core.entry')).toBe('resume');
    expect(api.LMSGetValue('cmi.suspend_data')).toBe('page=2');
    expect(api.LMSGetValue('cmi.core.lesson_location')).toBe('2');
    expect(api.LMSGetValue('cmi.core.lesson_status')).toBe('incomplete');

    api.LMSSetValue('cmi.core.lesson_location', '3');
    api.LMSSetValue('cmi.suspend_data', 'page=3');
    api.LMSSetValue('cmi.core.score.raw', '90');
    api.LMSSetValue('cmi.core.score.max', '100');
    api.LMSSetValue('cmi.core.lesson_status', 'completed');
    expect(api.LMSCommit('')).toBe('true');

    api.LMSSetValue('cmi.core.session_time', '0000:02:00.00');
    api.LMSSetValue('cmi.core.exit', 'suspend');
    expect(api.LMSFinish('')).toBe('true');

    expect(commits).toHaveLength(2);
    expect(commits[0]).toEqual({
      finished: false,
      commit: expect.objectContaining({
        id: 'id-1',
        lessonStatus: 'completed',
        lessonLocation: '3',
        suspendData: 'page=3',
        scoreRaw: '90',
        scoreMax: '100',
      }),
    });
    expect(commits[1].finished).toBe(true);
    expect(commits[1].commit).toEqual(
      expect.objectContaining({
        id: 'id-2',
        lessonStatus: 'completed',
        sessionTime: '00:02:00',
        exit: 'suspend',
      }),
    );
  });
});
