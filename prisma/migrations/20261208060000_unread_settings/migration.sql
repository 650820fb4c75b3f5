-- The notification retry policy is the worker's configuration (OUTBOX_MAX_ATTEMPTS,
-- OUTBOX_RETRY_BASE_MS, OUTBOX_RETRY_MAX_MS); these two Setting rows were never read. Every row
-- left in the table is an entry of the settings registry (shared/src/settings-registry.ts).
DELETE FROM `Setting` WHERE `key` IN ('notification.maxAttempts', 'notification.backoffSeconds');
