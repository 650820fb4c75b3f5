-- The message centre lists an inbox newest first: served in index order instead of a sort.
CREATE INDEX `Notification_userId_createdAt_idx` ON `Notification`(`userId`, `createdAt`);
