-- CreateTable
CREATE TABLE `UploadedFile` (
    `id` VARCHAR(32) NOT NULL,
    `ownerId` VARCHAR(32) NOT NULL,
    `purpose` VARCHAR(32) NOT NULL,
    `storageKey` VARCHAR(255) NOT NULL,
    `sha256` VARCHAR(64) NOT NULL,
    `contentType` VARCHAR(64) NOT NULL,
    `sizeBytes` INTEGER NOT NULL,
    `width` INTEGER NOT NULL,
    `height` INTEGER NOT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    UNIQUE INDEX `UploadedFile_storageKey_key`(`storageKey`),
    INDEX `UploadedFile_ownerId_createdAt_idx`(`ownerId`, `createdAt`),
    INDEX `UploadedFile_sha256_idx`(`sha256`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- AddForeignKey
ALTER TABLE `UploadedFile` ADD CONSTRAINT `UploadedFile_ownerId_fkey` FOREIGN KEY (`ownerId`) REFERENCES `User`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
