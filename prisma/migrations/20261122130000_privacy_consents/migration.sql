-- AlterTable
ALTER TABLE `User` ADD COLUMN `isElderMode` BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE `PrivacyConsent` (
    `id` VARCHAR(32) NOT NULL,
    `userId` VARCHAR(32) NOT NULL,
    `kind` ENUM('PRIVACY_POLICY', 'PHONE_NUMBER', 'IMAGES') NOT NULL,
    `version` VARCHAR(16) NOT NULL,
    `acceptedAt` DATETIME(3) NOT NULL,
    `withdrawnAt` DATETIME(3) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `PrivacyConsent_userId_kind_acceptedAt_idx`(`userId`, `kind`, `acceptedAt`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- AddForeignKey
ALTER TABLE `PrivacyConsent` ADD CONSTRAINT `PrivacyConsent_userId_fkey` FOREIGN KEY (`userId`) REFERENCES `User`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
