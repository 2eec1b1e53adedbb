import { ringGeometry } from './ring-geometry';

describe('ringGeometry', () => {
  it('fills the share of the target', () => {
    const g = ringGeometry(5, 20, 120, 12);
    expect(g.radius).toBe(54);
    expect(g.circumference).toBeCloseTo(2 * Math.PI * 54);
    expect(g.dashOffset).toBeCloseTo(g.circumference * 0.75);
    expect(g.percent).toBe(25);
    expect(g.reached).toBe(false);
  });

  it('fills once when the target is passed and says it is reached', () => {
    const g = ringGeometry(31.5, 20);
    expect(g.dashOffset).toBe(0);
    expect(g.percent).toBe(100);
    expect(g.reached).toBe(true);
  });

  it('draws an empty ring without a target or with a negative total', () => {
    expect(ringGeometry(12, null).dashOffset).toBeCloseTo(ringGeometry(0, 20).circumference);
    expect(ringGeometry(12, null).reached).toBe(false);
    expect(ringGeometry(-4, 20).percent).toBe(0);
    expect(ringGeometry(Number.NaN, 20).percent).toBe(0);
  });

  it('rounds the percent to one decimal', () => {
    expect(ringGeometry(1, 3).percent).toBe(33.3);
  });
});
