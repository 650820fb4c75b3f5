-- CreateTable
CREATE TABLE `FeeOrderEvent` (
    `id` VARCHAR(32) NOT NULL,
    `feeOrderId` VARCHAR(32) NOT NULL,
    `fromStatus` ENUM('CREATED', 'PAYING', 'PAID', 'CLOSED', 'REFUNDING', 'REFUNDED', 'REFUND_FAILED') NULL,
    `toStatus` ENUM('CREATED', 'PAYING', 'PAID', 'CLOSED', 'REFUNDING', 'REFUNDED', 'REFUND_FAILED') NOT NULL,
    `actorType` ENUM('RESIDENT', 'STAFF', 'SYSTEM') NOT NULL,
    `actorUserId` VARCHAR(32) NULL,
    `reason` VARCHAR(255) NULL,
    `data` JSON NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `FeeOrderEvent_feeOrderId_createdAt_idx`(`feeOrderId`, `createdAt`),
    INDEX `FeeOrderEvent_actorUserId_idx`(`actorUserId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- AddForeignKey
ALTER TABLE `FeeOrderEvent` ADD CONSTRAINT `FeeOrderEvent_feeOrderId_fkey` FOREIGN KEY (`feeOrderId`) REFERENCES `FeeOrder`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `FeeOrderEvent` ADD CONSTRAINT `FeeOrderEvent_actorUserId_fkey` FOREIGN KEY (`actorUserId`) REFERENCES `User`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- The history is append-only, like the other workflow event tables.
CREATE TRIGGER `FeeOrderEvent_no_update` BEFORE UPDATE ON `FeeOrderEvent` FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'FeeOrderEvent is append-only';
CREATE TRIGGER `FeeOrderEvent_no_delete` BEFORE DELETE ON `FeeOrderEvent` FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'FeeOrderEvent is append-only';
