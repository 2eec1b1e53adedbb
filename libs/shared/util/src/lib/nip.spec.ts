import { checkEmployeeNumber, checkPnsNip, composeNip } from './nip';

const today = new Date(Date.UTC(2026, 10, 28));

describe('checkPnsNip', () => {
  it('accepts the documented example and reads its parts', () => {
    const r = checkPnsNip('198503122010011002', today);
    expect(r).toEqual({
      ok: true,
      value: { birthDate: '1985-03-12', appointmentMonth: '2010-01', sex: 'male', sequence: '002' },
    });
  });

  it.each([
    ['19850312201001100', 'format'],
    ['1985031220100110a2', 'format'],
    ['198502302010011002', 'birth-date'],
    ['198513012010011002', 'birth-date'],
    ['198503122010131002', 'appointment-month'],
    ['198503122010001002', 'appointment-month'],
    ['198503122002011002', 'appointment-before-adulthood'],
    ['198503122030011002', 'appointment-in-future'],
    ['198503122010013002', 'sex-digit'],
  ])('rejects %s as %s', (nip, code) => {
    const r = checkPnsNip(nip, today);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe(code);
      expect(r.message.length).toBeGreaterThan(10);
    }
  });

  it('allows an appointment in the month of the 18th birthday', () => {
    expect(checkPnsNip('200003152018031001', today).ok).toBe(true);
  });

  it('accepts a leap day birth date', () => {
    expect(checkPnsNip('199602292020012001', today).ok).toBe(true);
  });
});

describe('checkEmployeeNumber', () => {
  it('does not apply PNS layout rules to PPPK numbers', () => {
    expect(checkEmployeeNumber('999999999999999999', 'PPPK').ok).toBe(true);
    expect(checkEmployeeNumber('999999999999999999', 'PNS').ok).toBe(false);
    expect(checkEmployeeNumber('12345', 'PPPK').ok).toBe(false);
  });
});

describe('composeNip', () => {
  it('composes a NIP that validates', () => {
    const nip = composeNip('1990-07-01', '2015-03', 'female', 7);
    expect(nip).toBe('199007012015032007');
    expect(checkPnsNip(nip, today).ok).toBe(true);
  });
});
