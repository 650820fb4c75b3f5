import { appointmentTripText, bookingPromiseText, onSiteTripsCountText, onSiteTripsText } from '../../miniprogram/src/format/guide-format';

/** Zero-trip items never read "到现场 0 次" or "承诺最多 0 次": they are handled wholly online. */
describe('到现场 texts', () => {
  it('says a zero-trip item needs no visit, everywhere it is shown', () => {
    const texts = [onSiteTripsText(0), onSiteTripsCountText(0), bookingPromiseText(0, 5), appointmentTripText(1, 0)];
    expect(texts).toEqual(['零跑腿', '全程网办，无需到现场', '本事项可全程网办，无需到现场；如需到大厅办理，5个工作日办结', '本事项可全程网办，无需到现场']);
    for (const text of texts) expect(text).not.toMatch(/0\s*次/);
  });

  it('counts the visits of items that need them', () => {
    expect(onSiteTripsCountText(1)).toBe('最多跑一次');
    expect(onSiteTripsCountText(2)).toBe('最多到现场2次');
    expect(bookingPromiseText(1, 3)).toBe('承诺最多跑一次，3个工作日办结');
    expect(bookingPromiseText(2, 0)).toBe('承诺最多到现场2次，当场办结');
    expect(appointmentTripText(1, 1)).toBe('本事项第 1 次到现场（承诺最多 1 次）');
  });
});
