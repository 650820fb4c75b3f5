-- Letter workflow (issue 7): content-check status of the letter text, the open-in-department key
-- for the handler list's keyset paging, and the uploaded file behind each letter image.

-- AlterTable
ALTER TABLE `Letter` ADD COLUMN `contentCheckStatus` ENUM('PENDING', 'PASS', 'REVIEW', 'RISKY') NOT NULL DEFAULT 'PASS',
    ADD COLUMN `openDepartmentId` VARCHAR(32) NULL;

-- Letters already open in a department (seeded or in flight) join the handler list.
UPDATE `Letter` SET `openDepartmentId` = `departmentId` WHERE `status` IN ('ASSIGNED', 'REOPENED', 'REPLY_DRAFTED');

-- CreateIndex
CREATE INDEX `Letter_openDepartmentId_replyDueAt_id_idx` ON `Letter`(`openDepartmentId`, `replyDueAt`, `id`);

-- AlterTable
ALTER TABLE `LetterAttachment` ADD COLUMN `uploadedFileId` VARCHAR(32) NULL;

-- CreateIndex
CREATE INDEX `LetterAttachment_uploadedFileId_idx` ON `LetterAttachment`(`uploadedFileId`);

-- AddForeignKey
ALTER TABLE `LetterAttachment` ADD CONSTRAINT `LetterAttachment_uploadedFileId_fkey` FOREIGN KEY (`uploadedFileId`) REFERENCES `UploadedFile`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
