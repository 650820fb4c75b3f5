import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { settingKeys, settingRegistry } from '@govpocket/shared';
import { defaultSettings } from '../../prisma/src/seed/settings';
import { bookingSettingsSpec } from '../../bff/src/modules/booking/settings';
import { consultationSettingsSpec } from '../../bff/src/modules/consultation/settings';
import { letterSettingsSpec } from '../../bff/src/modules/mailbox/settings';
import { feeSettingsSpec } from '../../bff/src/modules/payment/issue-fee-order';
import { staffSettingsSpec } from '../../bff/src/modules/staff/service';

/** One registry of settings: what the seed writes is what the readers read, nothing unread. */
const readers = { booking: bookingSettingsSpec, mailbox: letterSettingsSpec, consultation: consultationSettingsSpec, fees: feeSettingsSpec, staff: staffSettingsSpec };
const keysRead = Object.values(readers).flatMap((spec) => Object.values(spec) as string[]);

describe('the settings registry', () => {
  it('seeds exactly the registry, each row with its default, unit and range in the description', () => {
    expect(defaultSettings.map((setting) => setting.key).sort()).toEqual([...settingKeys].sort());
    for (const setting of defaultSettings) {
      const definition = settingRegistry[setting.key as keyof typeof settingRegistry];
      expect(setting.value).toEqual(definition.fallback);
      expect(setting.description).toContain(definition.unit);
      expect(setting.description).toContain(definition.range);
    }
  });

  it('every registry key is read by a reader, and readers read only registry keys', () => {
    expect([...new Set(keysRead)].sort()).toEqual([...settingKeys].sort());
  });

  it('every default lies in its own range, and a value outside the range is refused', () => {
    for (const definition of Object.values(settingRegistry)) {
      expect(definition.schema.safeParse(definition.fallback).success).toBe(true);
      expect(definition.schema.safeParse('not a setting').success).toBe(false);
    }
    expect(settingRegistry['fee.orderExpireMinutes'].schema.safeParse(1).success).toBe(false);
    expect(settingRegistry['staff.bindingCodeMaxAttempts'].schema.safeParse(0).success).toBe(false);
  });

  it('each reader spec is used by its module (not only declared)', () => {
    const sourceRoot = path.join(__dirname, '../../bff/src');
    const files = (function walk(dir: string): string[] {
      return readdirSync(dir).flatMap((name) => {
        const full = path.join(dir, name);
        return statSync(full).isDirectory() ? walk(full) : full.endsWith('.ts') ? [full] : [];
      });
    })(sourceRoot);
    const sources = files.map((file) => readFileSync(file, 'utf8'));
    for (const [, spec] of Object.entries(readers)) {
      for (const field of Object.keys(spec)) {
        // The field is read somewhere: `settings.field`, `{ field }` destructuring or `field:` renaming.
        const pattern = new RegExp(`(\\.${field}\\b|\\{[^}]*\\b${field}\\b[^}]*\\}\\s*=)`);
        expect({ field, isRead: sources.some((source) => pattern.test(source)) }).toEqual({ field, isRead: true });
      }
    }
  });
});
