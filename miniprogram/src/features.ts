/**
 * Features whose screens ship in a later release. A switched-off feature shows no entry at all
 * (no "coming soon" page for a resident to land on).
 */
export const features = {
  /** 预约办理 on the guide detail (booking subpackage, issue #5). */
  isGuideBookingEnabled: true,
} as const;
