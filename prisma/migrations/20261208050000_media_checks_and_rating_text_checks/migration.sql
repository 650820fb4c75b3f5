-- WeChat media checks of letter images and pre-review photos (requested, then the pushed verdict),
-- and content safety of rating comments.
ALTER TABLE `LetterAttachment` ADD COLUMN `checkRequestedAt` DATETIME(3) NULL;
CREATE INDEX `LetterAttachment_checkStatus_checkRequestedAt_idx` ON `LetterAttachment`(`checkStatus`, `checkRequestedAt`);

ALTER TABLE `PreReviewFile` ADD COLUMN `checkStatus` ENUM('PENDING', 'PASS', 'REVIEW', 'RISKY') NOT NULL DEFAULT 'PENDING',
    ADD COLUMN `checkTraceId` VARCHAR(64) NULL,
    ADD COLUMN `checkLabel` INTEGER NULL,
    ADD COLUMN `checkedAt` DATETIME(3) NULL,
    ADD COLUMN `checkRequestedAt` DATETIME(3) NULL;
CREATE UNIQUE INDEX `PreReviewFile_checkTraceId_key` ON `PreReviewFile`(`checkTraceId`);
CREATE INDEX `PreReviewFile_checkStatus_checkRequestedAt_idx` ON `PreReviewFile`(`checkStatus`, `checkRequestedAt`);

ALTER TABLE `Rating` ADD COLUMN `textCheckStatus` ENUM('PENDING', 'PASS', 'REVIEW', 'RISKY') NOT NULL DEFAULT 'PASS',
    ADD COLUMN `textCheckTraceId` VARCHAR(64) NULL;
-- Comments written before the check existed were never checked: they are checked by the re-check job.
UPDATE `Rating` SET `textCheckStatus` = 'PENDING' WHERE `text` IS NOT NULL AND `text` <> '';
