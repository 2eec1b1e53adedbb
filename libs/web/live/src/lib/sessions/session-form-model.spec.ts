import { session } from '../room/testing/room-fixtures';
import {
  createRequest,
  emptySessionForm,
  sessionToForm,
  updateRequest,
} from './session-form-model';

describe('session form model', () => {
  it('makes a webinar with WIB times, no capacity when empty, and the rule as a share', () => {
    expect(
      createRequest({
        ...emptySessionForm(),
        title: '  Webinar Pelayanan Prima  ',
        description: ' Antrean ',
        startsAt: '2026-12-01T09:00',
        endsAt: '2026-12-01T11:00',
        jp: 2,
        attendanceRule: 75,
      }),
    ).toEqual({
      title: 'Webinar Pelayanan Prima',
      description: 'Antrean',
      startsAt: '2026-12-01T09:00:00+07:00',
      endsAt: '2026-12-01T11:00:00+07:00',
      jp: 2,
      attendanceRule: { minShare: 0.75 },
    });
    expect(createRequest({ ...emptySessionForm(), capacity: 50 }).capacity).toBe(50);
  });

  it('changes only what was changed, and clears the capacity with null', () => {
    const s = session({ capacity: 100, startsAt: '2026-12-01T02:00:00.000Z' });
    const before = sessionToForm(s);
    expect(before.startsAt).toBe('2026-12-01T09:00');
    expect(before.attendanceRule).toBe(80);
    expect(updateRequest(before, before)).toEqual({});
    expect(
      updateRequest(before, {
        ...before,
        endsAt: '2026-12-01T12:00',
        capacity: null,
        attendanceRule: 90,
      }),
    ).toEqual({
      endsAt: '2026-12-01T12:00:00+07:00',
      capacity: null,
      attendanceRule: { minShare: 0.9 },
    });
  });
});
