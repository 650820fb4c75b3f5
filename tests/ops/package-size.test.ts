import { packageLimitBytes, weappPackageSizes } from '../../bench/package-sizes';

/**
 * WeChat refuses to upload a mini-program whose main package or any subpackage exceeds 2 MB (and
 * all together 30 MB). npm test builds the weapp before jest; this reads that build.
 */
describe('weapp package sizes', () => {
  const sizes = weappPackageSizes();

  it('splits staff, admin and the resident areas into subpackages', () => {
    expect(sizes.map((size) => size.name)).toEqual(expect.arrayContaining(['main', 'staff', 'admin', 'account', 'booking', 'mailbox', 'consultation']));
  });

  it.each(sizes.map((size) => [size.name, size.bytes] as const))('%s package stays within 2 MB (%d bytes)', (_name, bytes) => {
    expect(bytes).toBeGreaterThan(0);
    expect(bytes).toBeLessThanOrEqual(packageLimitBytes);
  });

  it('stays within 30 MB in all', () => {
    expect(sizes.reduce((sum, size) => sum + size.bytes, 0)).toBeLessThanOrEqual(30 * 1024 * 1024);
  });
});
