-- Uploads are removed with their owner's account and, for pre-review photos, a set time after the
-- visit: the bytes leave storage, the rows stay (letters and appointments point at them) marked.
ALTER TABLE `UploadedFile` ADD COLUMN `removedAt` DATETIME(3) NULL, ADD COLUMN `removedReason` VARCHAR(32) NULL;
ALTER TABLE `PreReviewFile` ADD COLUMN `fileRemovedAt` DATETIME(3) NULL, ADD COLUMN `fileRemovedReason` VARCHAR(32) NULL;
CREATE INDEX `PreReviewFile_fileRemovedAt_idx` ON `PreReviewFile`(`fileRemovedAt`);
