-- Opinions keep their content-safety verdict: REVIEW / PENDING texts are withheld from open data.
ALTER TABLE `Opinion` ADD COLUMN `contentCheckStatus` ENUM('PENDING', 'PASS', 'REVIEW', 'RISKY') NOT NULL DEFAULT 'PASS';

-- A consultation attachment is an uploaded document (fileId) or an external link (url).
ALTER TABLE `ConsultationAttachment` MODIFY `url` VARCHAR(512) NULL,
    ADD COLUMN `fileId` VARCHAR(32) NULL;

CREATE INDEX `ConsultationAttachment_fileId_idx` ON `ConsultationAttachment`(`fileId`);

ALTER TABLE `ConsultationAttachment` ADD CONSTRAINT `ConsultationAttachment_fileId_fkey` FOREIGN KEY (`fileId`) REFERENCES `UploadedFile`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
