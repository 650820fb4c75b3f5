-- CreateTable
CREATE TABLE `User` (
    `id` VARCHAR(32) NOT NULL,
    `openid` VARCHAR(64) NOT NULL,
    `unionid` VARCHAR(64) NULL,
    `nickname` VARCHAR(64) NULL,
    `avatarUrl` VARCHAR(512) NULL,
    `phoneEncrypted` VARCHAR(255) NULL,
    `phoneHash` VARCHAR(64) NULL,
    `phoneBoundAt` DATETIME(3) NULL,
    `lastLoginAt` DATETIME(3) NULL,
    `deletedAt` DATETIME(3) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    UNIQUE INDEX `User_openid_key`(`openid`),
    INDEX `User_unionid_idx`(`unionid`),
    INDEX `User_phoneHash_idx`(`phoneHash`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `StaffAccount` (
    `id` VARCHAR(32) NOT NULL,
    `userId` VARCHAR(32) NULL,
    `name` VARCHAR(32) NOT NULL,
    `phoneEncrypted` VARCHAR(255) NULL,
    `phoneHash` VARCHAR(64) NULL,
    `title` VARCHAR(64) NULL,
    `status` ENUM('ACTIVE', 'DISABLED') NOT NULL DEFAULT 'ACTIVE',
    `boundAt` DATETIME(3) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    UNIQUE INDEX `StaffAccount_userId_key`(`userId`),
    INDEX `StaffAccount_status_idx`(`status`),
    INDEX `StaffAccount_phoneHash_idx`(`phoneHash`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `StaffBindingCode` (
    `id` VARCHAR(32) NOT NULL,
    `staffAccountId` VARCHAR(32) NOT NULL,
    `codeHash` VARCHAR(64) NOT NULL,
    `expiresAt` DATETIME(3) NOT NULL,
    `usedAt` DATETIME(3) NULL,
    `usedByUserId` VARCHAR(32) NULL,
    `attempts` INTEGER NOT NULL DEFAULT 0,
    `revokedAt` DATETIME(3) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    UNIQUE INDEX `StaffBindingCode_codeHash_key`(`codeHash`),
    INDEX `StaffBindingCode_staffAccountId_expiresAt_idx`(`staffAccountId`, `expiresAt`),
    INDEX `StaffBindingCode_usedByUserId_idx`(`usedByUserId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `RoleAssignment` (
    `id` VARCHAR(32) NOT NULL,
    `staffAccountId` VARCHAR(32) NOT NULL,
    `role` ENUM('RESIDENT', 'WINDOW_STAFF', 'MAILBOX_OFFICE', 'DEPARTMENT_HANDLER', 'ADMIN') NOT NULL,
    `scope` ENUM('HALL', 'DEPARTMENT', 'GLOBAL') NOT NULL,
    `hallId` VARCHAR(32) NULL,
    `departmentId` VARCHAR(32) NULL,
    `scopeKey` VARCHAR(48) NOT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    INDEX `RoleAssignment_hallId_role_idx`(`hallId`, `role`),
    INDEX `RoleAssignment_departmentId_role_idx`(`departmentId`, `role`),
    UNIQUE INDEX `RoleAssignment_staffAccountId_role_scopeKey_key`(`staffAccountId`, `role`, `scopeKey`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `Department` (
    `id` VARCHAR(32) NOT NULL,
    `name` VARCHAR(64) NOT NULL,
    `shortName` VARCHAR(32) NULL,
    `officeCode` VARCHAR(16) NULL,
    `consultPhone` VARCHAR(32) NULL,
    `sortOrder` INTEGER NOT NULL DEFAULT 0,
    `isActive` BOOLEAN NOT NULL DEFAULT true,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    UNIQUE INDEX `Department_name_key`(`name`),
    UNIQUE INDEX `Department_officeCode_key`(`officeCode`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `Hall` (
    `id` VARCHAR(32) NOT NULL,
    `name` VARCHAR(64) NOT NULL,
    `address` VARCHAR(255) NOT NULL,
    `hours` VARCHAR(255) NOT NULL,
    `phone` VARCHAR(32) NULL,
    `latitude` DOUBLE NULL,
    `longitude` DOUBLE NULL,
    `sortOrder` INTEGER NOT NULL DEFAULT 0,
    `isActive` BOOLEAN NOT NULL DEFAULT true,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    UNIQUE INDEX `Hall_name_key`(`name`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `ServiceWindow` (
    `id` VARCHAR(32) NOT NULL,
    `hallId` VARCHAR(32) NOT NULL,
    `code` VARCHAR(16) NOT NULL,
    `name` VARCHAR(64) NOT NULL,
    `kind` ENUM('COMPREHENSIVE', 'SPECIALISED') NOT NULL,
    `departmentId` VARCHAR(32) NULL,
    `sortOrder` INTEGER NOT NULL DEFAULT 0,
    `isActive` BOOLEAN NOT NULL DEFAULT true,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    INDEX `ServiceWindow_departmentId_idx`(`departmentId`),
    UNIQUE INDEX `ServiceWindow_hallId_code_key`(`hallId`, `code`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `ServiceWindowItem` (
    `windowId` VARCHAR(32) NOT NULL,
    `itemId` VARCHAR(32) NOT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    INDEX `ServiceWindowItem_itemId_idx`(`itemId`),
    PRIMARY KEY (`windowId`, `itemId`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `ScheduleTemplate` (
    `id` VARCHAR(32) NOT NULL,
    `hallId` VARCHAR(32) NOT NULL,
    `name` VARCHAR(64) NOT NULL,
    `validFrom` DATE NOT NULL,
    `validTo` DATE NULL,
    `isActive` BOOLEAN NOT NULL DEFAULT true,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    INDEX `ScheduleTemplate_hallId_isActive_idx`(`hallId`, `isActive`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `ScheduleRule` (
    `id` VARCHAR(32) NOT NULL,
    `templateId` VARCHAR(32) NOT NULL,
    `weekday` INTEGER NOT NULL,
    `startTime` VARCHAR(5) NOT NULL,
    `endTime` VARCHAR(5) NOT NULL,
    `slotMinutes` INTEGER NOT NULL DEFAULT 30,
    `capacity` INTEGER NOT NULL,
    `itemGroup` VARCHAR(32) NOT NULL DEFAULT '',
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    UNIQUE INDEX `ScheduleRule_templateId_weekday_startTime_itemGroup_key`(`templateId`, `weekday`, `startTime`, `itemGroup`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `ScheduleOverride` (
    `id` VARCHAR(32) NOT NULL,
    `hallId` VARCHAR(32) NOT NULL,
    `date` DATE NOT NULL,
    `kind` ENUM('CLOSURE', 'EXTRA_DAY') NOT NULL,
    `asWeekday` INTEGER NULL,
    `reason` VARCHAR(255) NOT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    UNIQUE INDEX `ScheduleOverride_hallId_date_key`(`hallId`, `date`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `Slot` (
    `id` VARCHAR(32) NOT NULL,
    `hallId` VARCHAR(32) NOT NULL,
    `date` DATE NOT NULL,
    `startTime` VARCHAR(5) NOT NULL,
    `endTime` VARCHAR(5) NOT NULL,
    `startsAt` DATETIME(3) NOT NULL,
    `endsAt` DATETIME(3) NOT NULL,
    `itemGroup` VARCHAR(32) NOT NULL DEFAULT '',
    `capacity` INTEGER NOT NULL,
    `bookedCount` INTEGER NOT NULL DEFAULT 0,
    `isClosed` BOOLEAN NOT NULL DEFAULT false,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    INDEX `Slot_date_startsAt_idx`(`date`, `startsAt`),
    UNIQUE INDEX `Slot_hallId_date_startTime_itemGroup_key`(`hallId`, `date`, `startTime`, `itemGroup`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `ServiceItem` (
    `id` VARCHAR(32) NOT NULL,
    `code` VARCHAR(32) NOT NULL,
    `name` VARCHAR(128) NOT NULL,
    `type` ENUM('ADMINISTRATIVE_LICENSE', 'ADMINISTRATIVE_BENEFIT', 'ADMINISTRATIVE_CONFIRMATION', 'ADMINISTRATIVE_LEVY', 'PUBLIC_SERVICE', 'OTHER') NOT NULL,
    `departmentId` VARCHAR(32) NOT NULL,
    `audience` ENUM('INDIVIDUAL', 'LEGAL_PERSON', 'BOTH') NOT NULL,
    `themes` JSON NOT NULL,
    `keywords` JSON NOT NULL,
    `searchText` TEXT NULL,
    `basis` JSON NOT NULL,
    `conditions` JSON NOT NULL,
    `statutoryDays` INTEGER NOT NULL,
    `promisedDays` INTEGER NOT NULL,
    `isCharged` BOOLEAN NOT NULL DEFAULT false,
    `feeStandard` TEXT NULL,
    `feeBasis` TEXT NULL,
    `feeAmountFen` INTEGER NULL,
    `isOnlinePaymentEnabled` BOOLEAN NOT NULL DEFAULT false,
    `onSiteTrips` INTEGER NOT NULL,
    `onlineDepth` ENUM('LEVEL_1', 'LEVEL_2', 'LEVEL_3', 'LEVEL_4') NOT NULL,
    `deliveryMethods` JSON NOT NULL,
    `isAppointmentEnabled` BOOLEAN NOT NULL DEFAULT false,
    `hours` VARCHAR(255) NOT NULL,
    `consultPhone` VARCHAR(32) NULL,
    `supervisePhone` VARCHAR(32) NULL,
    `status` ENUM('PUBLISHED', 'UNPUBLISHED') NOT NULL DEFAULT 'UNPUBLISHED',
    `currentVersion` INTEGER NOT NULL DEFAULT 1,
    `revisedAt` DATETIME(3) NOT NULL,
    `publishedAt` DATETIME(3) NULL,
    `viewCount` INTEGER NOT NULL DEFAULT 0,
    `sortOrder` INTEGER NOT NULL DEFAULT 0,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    UNIQUE INDEX `ServiceItem_code_key`(`code`),
    INDEX `ServiceItem_departmentId_status_idx`(`departmentId`, `status`),
    INDEX `ServiceItem_status_type_idx`(`status`, `type`),
    INDEX `ServiceItem_status_audience_idx`(`status`, `audience`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `ServiceItemMaterial` (
    `id` VARCHAR(32) NOT NULL,
    `itemId` VARCHAR(32) NOT NULL,
    `sortOrder` INTEGER NOT NULL,
    `name` VARCHAR(128) NOT NULL,
    `form` ENUM('ORIGINAL', 'COPY', 'ORIGINAL_AND_COPY', 'ELECTRONIC_LICENSE') NOT NULL,
    `copies` INTEGER NOT NULL DEFAULT 1,
    `isRequired` BOOLEAN NOT NULL,
    `condition` VARCHAR(255) NULL,
    `note` TEXT NULL,
    `source` ENUM('APPLICANT', 'GOVERNMENT_ISSUED', 'OTHER') NOT NULL,
    `isElectronicAccepted` BOOLEAN NOT NULL DEFAULT false,
    `blankFormUrl` VARCHAR(512) NULL,
    `sampleUrl` VARCHAR(512) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    UNIQUE INDEX `ServiceItemMaterial_itemId_sortOrder_key`(`itemId`, `sortOrder`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `ServiceItemStep` (
    `id` VARCHAR(32) NOT NULL,
    `itemId` VARCHAR(32) NOT NULL,
    `sortOrder` INTEGER NOT NULL,
    `name` VARCHAR(64) NOT NULL,
    `actor` VARCHAR(64) NOT NULL,
    `description` TEXT NOT NULL,
    `days` INTEGER NOT NULL,
    `countsTowardLimit` BOOLEAN NOT NULL DEFAULT true,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    UNIQUE INDEX `ServiceItemStep_itemId_sortOrder_key`(`itemId`, `sortOrder`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `ServiceItemFaq` (
    `id` VARCHAR(32) NOT NULL,
    `itemId` VARCHAR(32) NOT NULL,
    `sortOrder` INTEGER NOT NULL,
    `question` VARCHAR(255) NOT NULL,
    `answer` TEXT NOT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    UNIQUE INDEX `ServiceItemFaq_itemId_sortOrder_key`(`itemId`, `sortOrder`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `ServiceItemVersion` (
    `id` VARCHAR(32) NOT NULL,
    `itemId` VARCHAR(32) NOT NULL,
    `version` INTEGER NOT NULL,
    `snapshot` JSON NOT NULL,
    `changeNote` VARCHAR(255) NULL,
    `createdById` VARCHAR(32) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `ServiceItemVersion_createdById_idx`(`createdById`),
    UNIQUE INDEX `ServiceItemVersion_itemId_version_key`(`itemId`, `version`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `ServiceItemHall` (
    `itemId` VARCHAR(32) NOT NULL,
    `hallId` VARCHAR(32) NOT NULL,
    `itemGroup` VARCHAR(32) NOT NULL DEFAULT '',
    `queuePrefix` VARCHAR(4) NOT NULL DEFAULT 'A',
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    INDEX `ServiceItemHall_hallId_idx`(`hallId`),
    PRIMARY KEY (`itemId`, `hallId`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `LifeEvent` (
    `id` VARCHAR(32) NOT NULL,
    `name` VARCHAR(32) NOT NULL,
    `description` TEXT NOT NULL,
    `icon` VARCHAR(255) NULL,
    `sortOrder` INTEGER NOT NULL DEFAULT 0,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    UNIQUE INDEX `LifeEvent_name_key`(`name`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `LifeEventItem` (
    `lifeEventId` VARCHAR(32) NOT NULL,
    `itemId` VARCHAR(32) NOT NULL,
    `sortOrder` INTEGER NOT NULL DEFAULT 0,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    INDEX `LifeEventItem_itemId_idx`(`itemId`),
    PRIMARY KEY (`lifeEventId`, `itemId`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `Favourite` (
    `userId` VARCHAR(32) NOT NULL,
    `itemId` VARCHAR(32) NOT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    INDEX `Favourite_itemId_idx`(`itemId`),
    INDEX `Favourite_userId_createdAt_idx`(`userId`, `createdAt`),
    PRIMARY KEY (`userId`, `itemId`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `RecentView` (
    `userId` VARCHAR(32) NOT NULL,
    `itemId` VARCHAR(32) NOT NULL,
    `viewedAt` DATETIME(3) NOT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    INDEX `RecentView_itemId_idx`(`itemId`),
    INDEX `RecentView_userId_viewedAt_idx`(`userId`, `viewedAt`),
    PRIMARY KEY (`userId`, `itemId`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `MaterialChecklist` (
    `id` VARCHAR(32) NOT NULL,
    `userId` VARCHAR(32) NOT NULL,
    `itemId` VARCHAR(32) NOT NULL,
    `itemVersion` INTEGER NOT NULL,
    `checkedMaterialIds` JSON NOT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    INDEX `MaterialChecklist_itemId_idx`(`itemId`),
    UNIQUE INDEX `MaterialChecklist_userId_itemId_key`(`userId`, `itemId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `GuideErrorReport` (
    `id` VARCHAR(32) NOT NULL,
    `itemId` VARCHAR(32) NOT NULL,
    `itemVersion` INTEGER NOT NULL,
    `departmentId` VARCHAR(32) NOT NULL,
    `reporterId` VARCHAR(32) NULL,
    `category` ENUM('MATERIALS', 'PROCEDURE', 'TIME_LIMIT', 'FEE', 'CONTACT', 'OTHER') NOT NULL,
    `content` TEXT NOT NULL,
    `status` ENUM('PENDING', 'ANSWERED', 'CLOSED') NOT NULL DEFAULT 'PENDING',
    `answer` TEXT NULL,
    `answeredById` VARCHAR(32) NULL,
    `answeredAt` DATETIME(3) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    INDEX `GuideErrorReport_departmentId_status_createdAt_idx`(`departmentId`, `status`, `createdAt`),
    INDEX `GuideErrorReport_itemId_idx`(`itemId`),
    INDEX `GuideErrorReport_reporterId_createdAt_idx`(`reporterId`, `createdAt`),
    INDEX `GuideErrorReport_answeredById_idx`(`answeredById`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `Appointment` (
    `id` VARCHAR(32) NOT NULL,
    `residentId` VARCHAR(32) NOT NULL,
    `itemId` VARCHAR(32) NOT NULL,
    `itemVersion` INTEGER NOT NULL,
    `hallId` VARCHAR(32) NOT NULL,
    `slotId` VARCHAR(32) NOT NULL,
    `date` DATE NOT NULL,
    `startsAt` DATETIME(3) NOT NULL,
    `endsAt` DATETIME(3) NOT NULL,
    `status` ENUM('BOOKED', 'CHECKED_IN', 'CALLED', 'SERVING', 'COMPLETED', 'CANCELLED', 'NO_SHOW') NOT NULL DEFAULT 'BOOKED',
    `activeDayKey` VARCHAR(80) NULL,
    `activeSeat` INTEGER NULL,
    `idempotencyKey` VARCHAR(64) NOT NULL,
    `checkInCode` VARCHAR(6) NOT NULL,
    `queueNumber` VARCHAR(8) NULL,
    `calledWindowId` VARCHAR(32) NULL,
    `checkedInAt` DATETIME(3) NULL,
    `calledAt` DATETIME(3) NULL,
    `servingStartedAt` DATETIME(3) NULL,
    `completedAt` DATETIME(3) NULL,
    `cancelledAt` DATETIME(3) NULL,
    `cancelledBy` ENUM('RESIDENT', 'HALL', 'SYSTEM') NULL,
    `cancelledByUserId` VARCHAR(32) NULL,
    `cancelReason` VARCHAR(255) NULL,
    `noShowAt` DATETIME(3) NULL,
    `deliveryMethod` ENUM('WINDOW_PICKUP', 'MAIL', 'ELECTRONIC') NULL,
    `deliveryAddressEncrypted` TEXT NULL,
    `contactPhoneEncrypted` VARCHAR(255) NULL,
    `promisedTrips` INTEGER NOT NULL,
    `actualTrips` INTEGER NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    UNIQUE INDEX `Appointment_activeDayKey_key`(`activeDayKey`),
    INDEX `Appointment_hallId_date_status_idx`(`hallId`, `date`, `status`),
    INDEX `Appointment_residentId_status_startsAt_idx`(`residentId`, `status`, `startsAt`),
    INDEX `Appointment_slotId_status_idx`(`slotId`, `status`),
    INDEX `Appointment_itemId_date_idx`(`itemId`, `date`),
    INDEX `Appointment_status_startsAt_idx`(`status`, `startsAt`),
    INDEX `Appointment_status_endsAt_idx`(`status`, `endsAt`),
    INDEX `Appointment_calledWindowId_idx`(`calledWindowId`),
    INDEX `Appointment_cancelledByUserId_idx`(`cancelledByUserId`),
    UNIQUE INDEX `Appointment_residentId_idempotencyKey_key`(`residentId`, `idempotencyKey`),
    UNIQUE INDEX `Appointment_residentId_activeSeat_key`(`residentId`, `activeSeat`),
    UNIQUE INDEX `Appointment_hallId_date_checkInCode_key`(`hallId`, `date`, `checkInCode`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `AppointmentEvent` (
    `id` VARCHAR(32) NOT NULL,
    `appointmentId` VARCHAR(32) NOT NULL,
    `fromStatus` ENUM('BOOKED', 'CHECKED_IN', 'CALLED', 'SERVING', 'COMPLETED', 'CANCELLED', 'NO_SHOW') NULL,
    `toStatus` ENUM('BOOKED', 'CHECKED_IN', 'CALLED', 'SERVING', 'COMPLETED', 'CANCELLED', 'NO_SHOW') NOT NULL,
    `actorType` ENUM('RESIDENT', 'STAFF', 'SYSTEM') NOT NULL,
    `actorUserId` VARCHAR(32) NULL,
    `reason` VARCHAR(255) NULL,
    `data` JSON NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `AppointmentEvent_appointmentId_createdAt_idx`(`appointmentId`, `createdAt`),
    INDEX `AppointmentEvent_actorUserId_idx`(`actorUserId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `QueueCounter` (
    `id` VARCHAR(32) NOT NULL,
    `hallId` VARCHAR(32) NOT NULL,
    `date` DATE NOT NULL,
    `prefix` VARCHAR(4) NOT NULL,
    `lastNumber` INTEGER NOT NULL DEFAULT 0,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    UNIQUE INDEX `QueueCounter_hallId_date_prefix_key`(`hallId`, `date`, `prefix`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `BookingPause` (
    `id` VARCHAR(32) NOT NULL,
    `userId` VARCHAR(32) NOT NULL,
    `reason` VARCHAR(255) NOT NULL,
    `noShowCount` INTEGER NOT NULL,
    `pausedFrom` DATETIME(3) NOT NULL,
    `pausedUntil` DATETIME(3) NOT NULL,
    `liftedAt` DATETIME(3) NULL,
    `liftedById` VARCHAR(32) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    INDEX `BookingPause_userId_pausedUntil_idx`(`userId`, `pausedUntil`),
    INDEX `BookingPause_liftedById_idx`(`liftedById`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `PreReviewFile` (
    `id` VARCHAR(32) NOT NULL,
    `appointmentId` VARCHAR(32) NOT NULL,
    `materialId` VARCHAR(32) NULL,
    `materialName` VARCHAR(128) NOT NULL,
    `fileUrl` VARCHAR(512) NOT NULL,
    `storageKey` VARCHAR(255) NOT NULL,
    `mimeType` VARCHAR(64) NOT NULL,
    `sizeBytes` INTEGER NOT NULL,
    `status` ENUM('PENDING', 'PASSED', 'NEEDS_CORRECTION') NOT NULL DEFAULT 'PENDING',
    `comment` VARCHAR(500) NULL,
    `reviewedById` VARCHAR(32) NULL,
    `reviewedAt` DATETIME(3) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    INDEX `PreReviewFile_appointmentId_status_idx`(`appointmentId`, `status`),
    INDEX `PreReviewFile_materialId_idx`(`materialId`),
    INDEX `PreReviewFile_reviewedById_idx`(`reviewedById`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `FeeOrder` (
    `id` VARCHAR(32) NOT NULL,
    `outTradeNo` VARCHAR(32) NOT NULL,
    `appointmentId` VARCHAR(32) NULL,
    `itemId` VARCHAR(32) NOT NULL,
    `hallId` VARCHAR(32) NOT NULL,
    `residentId` VARCHAR(32) NOT NULL,
    `issuedById` VARCHAR(32) NOT NULL,
    `idempotencyKey` VARCHAR(64) NOT NULL,
    `description` VARCHAR(127) NOT NULL,
    `amountFen` INTEGER NOT NULL,
    `status` ENUM('CREATED', 'PAYING', 'PAID', 'CLOSED', 'REFUNDING', 'REFUNDED', 'REFUND_FAILED') NOT NULL DEFAULT 'CREATED',
    `prepayId` VARCHAR(64) NULL,
    `expiresAt` DATETIME(3) NOT NULL,
    `paidAt` DATETIME(3) NULL,
    `closedAt` DATETIME(3) NULL,
    `refundedAmountFen` INTEGER NOT NULL DEFAULT 0,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    UNIQUE INDEX `FeeOrder_outTradeNo_key`(`outTradeNo`),
    INDEX `FeeOrder_appointmentId_idx`(`appointmentId`),
    INDEX `FeeOrder_residentId_status_createdAt_idx`(`residentId`, `status`, `createdAt`),
    INDEX `FeeOrder_hallId_createdAt_idx`(`hallId`, `createdAt`),
    INDEX `FeeOrder_itemId_idx`(`itemId`),
    INDEX `FeeOrder_status_expiresAt_idx`(`status`, `expiresAt`),
    UNIQUE INDEX `FeeOrder_issuedById_idempotencyKey_key`(`issuedById`, `idempotencyKey`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `Payment` (
    `id` VARCHAR(32) NOT NULL,
    `feeOrderId` VARCHAR(32) NOT NULL,
    `transactionId` VARCHAR(32) NOT NULL,
    `amountFen` INTEGER NOT NULL,
    `payerOpenid` VARCHAR(64) NOT NULL,
    `tradeState` VARCHAR(32) NOT NULL,
    `successAt` DATETIME(3) NOT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    UNIQUE INDEX `Payment_feeOrderId_key`(`feeOrderId`),
    UNIQUE INDEX `Payment_transactionId_key`(`transactionId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `Refund` (
    `id` VARCHAR(32) NOT NULL,
    `feeOrderId` VARCHAR(32) NOT NULL,
    `paymentId` VARCHAR(32) NULL,
    `outRefundNo` VARCHAR(64) NOT NULL,
    `refundId` VARCHAR(64) NULL,
    `amountFen` INTEGER NOT NULL,
    `reason` VARCHAR(80) NULL,
    `status` ENUM('PENDING', 'PROCESSING', 'SUCCEEDED', 'CLOSED', 'ABNORMAL') NOT NULL DEFAULT 'PENDING',
    `requestedById` VARCHAR(32) NULL,
    `succeededAt` DATETIME(3) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    UNIQUE INDEX `Refund_outRefundNo_key`(`outRefundNo`),
    UNIQUE INDEX `Refund_refundId_key`(`refundId`),
    INDEX `Refund_feeOrderId_idx`(`feeOrderId`),
    INDEX `Refund_paymentId_idx`(`paymentId`),
    INDEX `Refund_status_updatedAt_idx`(`status`, `updatedAt`),
    INDEX `Refund_requestedById_idx`(`requestedById`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `PaymentNotification` (
    `id` VARCHAR(32) NOT NULL,
    `notificationId` VARCHAR(64) NOT NULL,
    `eventType` VARCHAR(64) NOT NULL,
    `outTradeNo` VARCHAR(32) NULL,
    `outRefundNo` VARCHAR(64) NULL,
    `transactionId` VARCHAR(32) NULL,
    `payload` JSON NOT NULL,
    `status` ENUM('RECEIVED', 'PROCESSED', 'IGNORED', 'FAILED') NOT NULL DEFAULT 'RECEIVED',
    `processedAt` DATETIME(3) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    UNIQUE INDEX `PaymentNotification_notificationId_key`(`notificationId`),
    INDEX `PaymentNotification_outTradeNo_idx`(`outTradeNo`),
    INDEX `PaymentNotification_outRefundNo_idx`(`outRefundNo`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `Rating` (
    `id` VARCHAR(32) NOT NULL,
    `appointmentId` VARCHAR(32) NOT NULL,
    `residentId` VARCHAR(32) NOT NULL,
    `hallId` VARCHAR(32) NOT NULL,
    `itemId` VARCHAR(32) NOT NULL,
    `staffUserId` VARCHAR(32) NULL,
    `level` ENUM('VERY_SATISFIED', 'SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED', 'VERY_DISSATISFIED') NOT NULL,
    `tags` JSON NOT NULL,
    `text` VARCHAR(500) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    UNIQUE INDEX `Rating_appointmentId_key`(`appointmentId`),
    INDEX `Rating_residentId_idx`(`residentId`),
    INDEX `Rating_hallId_createdAt_idx`(`hallId`, `createdAt`),
    INDEX `Rating_itemId_level_idx`(`itemId`, `level`),
    INDEX `Rating_staffUserId_createdAt_idx`(`staffUserId`, `createdAt`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `RatingFollowUp` (
    `id` VARCHAR(32) NOT NULL,
    `ratingId` VARCHAR(32) NOT NULL,
    `hallId` VARCHAR(32) NOT NULL,
    `status` ENUM('OPEN', 'FIXED', 'EXPLAINED') NOT NULL DEFAULT 'OPEN',
    `dueAt` DATETIME(3) NOT NULL,
    `result` TEXT NULL,
    `handledById` VARCHAR(32) NULL,
    `handledAt` DATETIME(3) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    UNIQUE INDEX `RatingFollowUp_ratingId_key`(`ratingId`),
    INDEX `RatingFollowUp_hallId_status_dueAt_idx`(`hallId`, `status`, `dueAt`),
    INDEX `RatingFollowUp_status_dueAt_idx`(`status`, `dueAt`),
    INDEX `RatingFollowUp_handledById_idx`(`handledById`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `Mailbox` (
    `id` VARCHAR(32) NOT NULL,
    `name` VARCHAR(64) NOT NULL,
    `kind` ENUM('LEADER', 'DEPARTMENT') NOT NULL,
    `ownerDepartmentId` VARCHAR(32) NOT NULL,
    `description` TEXT NOT NULL,
    `promisedDays` INTEGER NULL,
    `sortOrder` INTEGER NOT NULL DEFAULT 0,
    `isActive` BOOLEAN NOT NULL DEFAULT true,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    UNIQUE INDEX `Mailbox_name_key`(`name`),
    INDEX `Mailbox_ownerDepartmentId_idx`(`ownerDepartmentId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `Letter` (
    `id` VARCHAR(32) NOT NULL,
    `trackingCode` VARCHAR(16) NOT NULL,
    `mailboxId` VARCHAR(32) NOT NULL,
    `ownerDepartmentId` VARCHAR(32) NOT NULL,
    `departmentId` VARCHAR(32) NULL,
    `residentId` VARCHAR(32) NOT NULL,
    `idempotencyKey` VARCHAR(64) NOT NULL,
    `type` ENUM('CONSULT', 'SUGGEST', 'COMPLAIN', 'HELP', 'REPORT') NOT NULL,
    `status` ENUM('SUBMITTED', 'ACCEPTED', 'NOT_ACCEPTED', 'ASSIGNED', 'RETURNED', 'REPLY_DRAFTED', 'REPLIED', 'CLOSED', 'REOPENED') NOT NULL DEFAULT 'SUBMITTED',
    `title` VARCHAR(64) NOT NULL,
    `body` TEXT NOT NULL,
    `contactPhoneEncrypted` VARCHAR(255) NOT NULL,
    `contactPhoneLast4Hash` VARCHAR(64) NOT NULL,
    `isPublishAgreed` BOOLEAN NOT NULL DEFAULT false,
    `contentCheckTraceId` VARCHAR(64) NULL,
    `submittedAt` DATETIME(3) NOT NULL,
    `acceptDueAt` DATETIME(3) NOT NULL,
    `acceptedAt` DATETIME(3) NULL,
    `notAcceptedReason` VARCHAR(500) NULL,
    `assignedAt` DATETIME(3) NULL,
    `replyDueAt` DATETIME(3) NULL,
    `extensionDays` INTEGER NOT NULL DEFAULT 0,
    `isAwaitingSupplement` BOOLEAN NOT NULL DEFAULT false,
    `clockPausedAt` DATETIME(3) NULL,
    `pausedWorkingSeconds` INTEGER NOT NULL DEFAULT 0,
    `repliedAt` DATETIME(3) NULL,
    `rateDueAt` DATETIME(3) NULL,
    `satisfaction` ENUM('SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED') NULL,
    `isSatisfactionDefaulted` BOOLEAN NOT NULL DEFAULT false,
    `satisfactionComment` VARCHAR(500) NULL,
    `ratedAt` DATETIME(3) NULL,
    `closedAt` DATETIME(3) NULL,
    `reopenedCount` INTEGER NOT NULL DEFAULT 0,
    `mergedIntoId` VARCHAR(32) NULL,
    `isPublished` BOOLEAN NOT NULL DEFAULT false,
    `publishedAt` DATETIME(3) NULL,
    `publishedById` VARCHAR(32) NULL,
    `publicTitle` VARCHAR(64) NULL,
    `publicBody` TEXT NULL,
    `publicReply` TEXT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    UNIQUE INDEX `Letter_trackingCode_key`(`trackingCode`),
    INDEX `Letter_residentId_createdAt_idx`(`residentId`, `createdAt`),
    INDEX `Letter_departmentId_status_replyDueAt_idx`(`departmentId`, `status`, `replyDueAt`),
    INDEX `Letter_ownerDepartmentId_status_acceptDueAt_idx`(`ownerDepartmentId`, `status`, `acceptDueAt`),
    INDEX `Letter_mailboxId_status_idx`(`mailboxId`, `status`),
    INDEX `Letter_status_replyDueAt_idx`(`status`, `replyDueAt`),
    INDEX `Letter_isPublished_publishedAt_idx`(`isPublished`, `publishedAt`),
    INDEX `Letter_submittedAt_idx`(`submittedAt`),
    INDEX `Letter_mergedIntoId_idx`(`mergedIntoId`),
    INDEX `Letter_publishedById_idx`(`publishedById`),
    UNIQUE INDEX `Letter_residentId_idempotencyKey_key`(`residentId`, `idempotencyKey`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `LetterEvent` (
    `id` VARCHAR(32) NOT NULL,
    `letterId` VARCHAR(32) NOT NULL,
    `action` ENUM('SUBMIT', 'ACCEPT', 'NOT_ACCEPT', 'ASSIGN', 'REASSIGN', 'RETURN', 'DRAFT_REPLY', 'APPROVE_REPLY', 'SEND_BACK_REPLY', 'REQUEST_SUPPLEMENT', 'SUPPLEMENT', 'REQUEST_EXTENSION', 'APPROVE_EXTENSION', 'REJECT_EXTENSION', 'RATE', 'CLOSE', 'REOPEN', 'PUBLISH', 'UNPUBLISH', 'MERGE') NOT NULL,
    `fromStatus` ENUM('SUBMITTED', 'ACCEPTED', 'NOT_ACCEPTED', 'ASSIGNED', 'RETURNED', 'REPLY_DRAFTED', 'REPLIED', 'CLOSED', 'REOPENED') NULL,
    `toStatus` ENUM('SUBMITTED', 'ACCEPTED', 'NOT_ACCEPTED', 'ASSIGNED', 'RETURNED', 'REPLY_DRAFTED', 'REPLIED', 'CLOSED', 'REOPENED') NULL,
    `actorType` ENUM('RESIDENT', 'STAFF', 'SYSTEM') NOT NULL,
    `actorUserId` VARCHAR(32) NULL,
    `actorRole` ENUM('RESIDENT', 'WINDOW_STAFF', 'MAILBOX_OFFICE', 'DEPARTMENT_HANDLER', 'ADMIN') NULL,
    `reason` VARCHAR(500) NULL,
    `data` JSON NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `LetterEvent_letterId_createdAt_idx`(`letterId`, `createdAt`),
    INDEX `LetterEvent_actorUserId_idx`(`actorUserId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `LetterNote` (
    `id` VARCHAR(32) NOT NULL,
    `letterId` VARCHAR(32) NOT NULL,
    `authorId` VARCHAR(32) NOT NULL,
    `body` TEXT NOT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    INDEX `LetterNote_letterId_createdAt_idx`(`letterId`, `createdAt`),
    INDEX `LetterNote_authorId_idx`(`authorId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `LetterReply` (
    `id` VARCHAR(32) NOT NULL,
    `letterId` VARCHAR(32) NOT NULL,
    `round` INTEGER NOT NULL DEFAULT 1,
    `departmentId` VARCHAR(32) NOT NULL,
    `draftedById` VARCHAR(32) NOT NULL,
    `body` TEXT NOT NULL,
    `status` ENUM('DRAFT', 'SUBMITTED', 'APPROVED', 'SENT_BACK') NOT NULL DEFAULT 'DRAFT',
    `submittedAt` DATETIME(3) NULL,
    `reviewedById` VARCHAR(32) NULL,
    `reviewedAt` DATETIME(3) NULL,
    `reviewComment` TEXT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    INDEX `LetterReply_letterId_round_status_idx`(`letterId`, `round`, `status`),
    INDEX `LetterReply_departmentId_status_idx`(`departmentId`, `status`),
    INDEX `LetterReply_draftedById_idx`(`draftedById`),
    INDEX `LetterReply_reviewedById_idx`(`reviewedById`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `LetterAttachment` (
    `id` VARCHAR(32) NOT NULL,
    `letterId` VARCHAR(32) NOT NULL,
    `sortOrder` INTEGER NOT NULL,
    `url` VARCHAR(512) NOT NULL,
    `storageKey` VARCHAR(255) NOT NULL,
    `mimeType` VARCHAR(64) NOT NULL,
    `sizeBytes` INTEGER NOT NULL,
    `checkStatus` ENUM('PENDING', 'PASS', 'REVIEW', 'RISKY') NOT NULL DEFAULT 'PENDING',
    `checkTraceId` VARCHAR(64) NULL,
    `checkLabel` INTEGER NULL,
    `checkedAt` DATETIME(3) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    UNIQUE INDEX `LetterAttachment_checkTraceId_key`(`checkTraceId`),
    UNIQUE INDEX `LetterAttachment_letterId_sortOrder_key`(`letterId`, `sortOrder`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `LetterExtension` (
    `id` VARCHAR(32) NOT NULL,
    `letterId` VARCHAR(32) NOT NULL,
    `departmentId` VARCHAR(32) NOT NULL,
    `requestedById` VARCHAR(32) NOT NULL,
    `days` INTEGER NOT NULL,
    `reason` TEXT NOT NULL,
    `status` ENUM('PENDING', 'APPROVED', 'REJECTED') NOT NULL DEFAULT 'PENDING',
    `reviewedById` VARCHAR(32) NULL,
    `reviewedAt` DATETIME(3) NULL,
    `reviewComment` VARCHAR(500) NULL,
    `previousReplyDueAt` DATETIME(3) NULL,
    `newReplyDueAt` DATETIME(3) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    INDEX `LetterExtension_letterId_status_idx`(`letterId`, `status`),
    INDEX `LetterExtension_departmentId_status_idx`(`departmentId`, `status`),
    INDEX `LetterExtension_status_createdAt_idx`(`status`, `createdAt`),
    INDEX `LetterExtension_requestedById_idx`(`requestedById`),
    INDEX `LetterExtension_reviewedById_idx`(`reviewedById`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `LetterAssignment` (
    `id` VARCHAR(32) NOT NULL,
    `letterId` VARCHAR(32) NOT NULL,
    `departmentId` VARCHAR(32) NOT NULL,
    `assignedById` VARCHAR(32) NOT NULL,
    `reason` VARCHAR(500) NULL,
    `instructions` TEXT NULL,
    `returnDueAt` DATETIME(3) NOT NULL,
    `returnedAt` DATETIME(3) NULL,
    `returnedById` VARCHAR(32) NULL,
    `returnReason` VARCHAR(500) NULL,
    `endedAt` DATETIME(3) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    INDEX `LetterAssignment_letterId_createdAt_idx`(`letterId`, `createdAt`),
    INDEX `LetterAssignment_departmentId_createdAt_idx`(`departmentId`, `createdAt`),
    INDEX `LetterAssignment_assignedById_idx`(`assignedById`),
    INDEX `LetterAssignment_returnedById_idx`(`returnedById`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `LetterSupplement` (
    `id` VARCHAR(32) NOT NULL,
    `letterId` VARCHAR(32) NOT NULL,
    `requestedById` VARCHAR(32) NOT NULL,
    `request` TEXT NOT NULL,
    `response` TEXT NULL,
    `respondedAt` DATETIME(3) NULL,
    `cancelledAt` DATETIME(3) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    INDEX `LetterSupplement_letterId_createdAt_idx`(`letterId`, `createdAt`),
    INDEX `LetterSupplement_requestedById_idx`(`requestedById`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `Consultation` (
    `id` VARCHAR(32) NOT NULL,
    `title` VARCHAR(128) NOT NULL,
    `departmentId` VARCHAR(32) NOT NULL,
    `status` ENUM('DRAFT', 'OPEN', 'CLOSED', 'FEEDBACK_PUBLISHED') NOT NULL DEFAULT 'DRAFT',
    `summary` VARCHAR(500) NULL,
    `background` TEXT NOT NULL,
    `basis` TEXT NOT NULL,
    `startsAt` DATETIME(3) NOT NULL,
    `endsAt` DATETIME(3) NOT NULL,
    `shortenedReason` VARCHAR(500) NULL,
    `contactName` VARCHAR(64) NULL,
    `contactPhone` VARCHAR(32) NULL,
    `contactEmail` VARCHAR(128) NULL,
    `contactAddress` VARCHAR(255) NULL,
    `openedAt` DATETIME(3) NULL,
    `closedAt` DATETIME(3) NULL,
    `feedbackPublishedAt` DATETIME(3) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    INDEX `Consultation_status_endsAt_idx`(`status`, `endsAt`),
    INDEX `Consultation_departmentId_status_idx`(`departmentId`, `status`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `ConsultationSection` (
    `id` VARCHAR(32) NOT NULL,
    `consultationId` VARCHAR(32) NOT NULL,
    `number` INTEGER NOT NULL,
    `heading` VARCHAR(128) NULL,
    `body` TEXT NOT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    UNIQUE INDEX `ConsultationSection_consultationId_number_key`(`consultationId`, `number`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `ConsultationAttachment` (
    `id` VARCHAR(32) NOT NULL,
    `consultationId` VARCHAR(32) NOT NULL,
    `sortOrder` INTEGER NOT NULL,
    `name` VARCHAR(128) NOT NULL,
    `url` VARCHAR(512) NOT NULL,
    `mimeType` VARCHAR(64) NOT NULL,
    `sizeBytes` INTEGER NOT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    UNIQUE INDEX `ConsultationAttachment_consultationId_sortOrder_key`(`consultationId`, `sortOrder`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `Opinion` (
    `id` VARCHAR(32) NOT NULL,
    `consultationId` VARCHAR(32) NOT NULL,
    `sectionId` VARCHAR(32) NULL,
    `userId` VARCHAR(32) NOT NULL,
    `idempotencyKey` VARCHAR(64) NOT NULL,
    `body` TEXT NOT NULL,
    `status` ENUM('SUBMITTED', 'ANSWERED', 'PUBLISHED') NOT NULL DEFAULT 'SUBMITTED',
    `contentCheckTraceId` VARCHAR(64) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    INDEX `Opinion_consultationId_sectionId_idx`(`consultationId`, `sectionId`),
    INDEX `Opinion_consultationId_status_idx`(`consultationId`, `status`),
    INDEX `Opinion_sectionId_idx`(`sectionId`),
    INDEX `Opinion_userId_createdAt_idx`(`userId`, `createdAt`),
    UNIQUE INDEX `Opinion_userId_idempotencyKey_key`(`userId`, `idempotencyKey`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `OpinionOutcome` (
    `id` VARCHAR(32) NOT NULL,
    `opinionId` VARCHAR(32) NOT NULL,
    `outcome` ENUM('ADOPTED', 'PARTIALLY_ADOPTED', 'NOT_ADOPTED', 'MERGED') NOT NULL,
    `reason` TEXT NULL,
    `summary` VARCHAR(500) NULL,
    `mergedIntoOpinionId` VARCHAR(32) NULL,
    `answeredById` VARCHAR(32) NULL,
    `isPublished` BOOLEAN NOT NULL DEFAULT false,
    `publishedAt` DATETIME(3) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    UNIQUE INDEX `OpinionOutcome_opinionId_key`(`opinionId`),
    INDEX `OpinionOutcome_mergedIntoOpinionId_idx`(`mergedIntoOpinionId`),
    INDEX `OpinionOutcome_answeredById_idx`(`answeredById`),
    INDEX `OpinionOutcome_outcome_isPublished_idx`(`outcome`, `isPublished`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `ConsultationFeedbackReport` (
    `id` VARCHAR(32) NOT NULL,
    `consultationId` VARCHAR(32) NOT NULL,
    `version` INTEGER NOT NULL,
    `report` JSON NOT NULL,
    `summary` TEXT NULL,
    `publishedById` VARCHAR(32) NULL,
    `publishedAt` DATETIME(3) NOT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `ConsultationFeedbackReport_publishedById_idx`(`publishedById`),
    UNIQUE INDEX `ConsultationFeedbackReport_consultationId_version_key`(`consultationId`, `version`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `OutboxEvent` (
    `id` VARCHAR(32) NOT NULL,
    `eventType` ENUM('BOOKING_CONFIRMED', 'BOOKING_REMINDER', 'BOOKING_CALLED', 'BOOKING_CANCELLED_BY_HALL', 'BOOKING_PAUSED', 'PRE_REVIEW_RESULT', 'FEE_ORDER_ISSUED', 'PAYMENT_SUCCEEDED', 'PAYMENT_REFUNDED', 'RATING_REQUEST', 'RATING_FOLLOW_UP_CREATED', 'LETTER_ACCEPTED', 'LETTER_NOT_ACCEPTED', 'LETTER_ASSIGNED', 'LETTER_RETURNED', 'LETTER_REPLY_SUBMITTED', 'LETTER_REPLIED', 'LETTER_EXTENDED', 'LETTER_SUPPLEMENT_REQUESTED', 'LETTER_DEADLINE_WARNING', 'LETTER_OVERDUE', 'OPINION_OUTCOME_PUBLISHED', 'GUIDE_ERROR_REPORTED', 'GUIDE_ERROR_ANSWERED') NOT NULL,
    `userId` VARCHAR(32) NULL,
    `payload` JSON NOT NULL,
    `dedupeKey` VARCHAR(191) NOT NULL,
    `status` ENUM('PENDING', 'SENT', 'FAILED', 'SKIPPED') NOT NULL DEFAULT 'PENDING',
    `attempts` INTEGER NOT NULL DEFAULT 0,
    `nextAttemptAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `lockedUntil` DATETIME(3) NULL,
    `lockedBy` VARCHAR(64) NULL,
    `lastError` VARCHAR(1000) NULL,
    `wechatErrcode` INTEGER NULL,
    `sentAt` DATETIME(3) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    UNIQUE INDEX `OutboxEvent_dedupeKey_key`(`dedupeKey`),
    INDEX `OutboxEvent_status_nextAttemptAt_idx`(`status`, `nextAttemptAt`),
    INDEX `OutboxEvent_userId_createdAt_idx`(`userId`, `createdAt`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `Notification` (
    `id` VARCHAR(32) NOT NULL,
    `userId` VARCHAR(32) NOT NULL,
    `outboxEventId` VARCHAR(32) NULL,
    `eventType` ENUM('BOOKING_CONFIRMED', 'BOOKING_REMINDER', 'BOOKING_CALLED', 'BOOKING_CANCELLED_BY_HALL', 'BOOKING_PAUSED', 'PRE_REVIEW_RESULT', 'FEE_ORDER_ISSUED', 'PAYMENT_SUCCEEDED', 'PAYMENT_REFUNDED', 'RATING_REQUEST', 'RATING_FOLLOW_UP_CREATED', 'LETTER_ACCEPTED', 'LETTER_NOT_ACCEPTED', 'LETTER_ASSIGNED', 'LETTER_RETURNED', 'LETTER_REPLY_SUBMITTED', 'LETTER_REPLIED', 'LETTER_EXTENDED', 'LETTER_SUPPLEMENT_REQUESTED', 'LETTER_DEADLINE_WARNING', 'LETTER_OVERDUE', 'OPINION_OUTCOME_PUBLISHED', 'GUIDE_ERROR_REPORTED', 'GUIDE_ERROR_ANSWERED') NULL,
    `title` VARCHAR(64) NOT NULL,
    `body` VARCHAR(500) NOT NULL,
    `link` VARCHAR(255) NULL,
    `readAt` DATETIME(3) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    INDEX `Notification_userId_readAt_createdAt_idx`(`userId`, `readAt`, `createdAt`),
    UNIQUE INDEX `Notification_outboxEventId_userId_key`(`outboxEventId`, `userId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `NotificationTemplate` (
    `id` VARCHAR(32) NOT NULL,
    `eventType` ENUM('BOOKING_CONFIRMED', 'BOOKING_REMINDER', 'BOOKING_CALLED', 'BOOKING_CANCELLED_BY_HALL', 'BOOKING_PAUSED', 'PRE_REVIEW_RESULT', 'FEE_ORDER_ISSUED', 'PAYMENT_SUCCEEDED', 'PAYMENT_REFUNDED', 'RATING_REQUEST', 'RATING_FOLLOW_UP_CREATED', 'LETTER_ACCEPTED', 'LETTER_NOT_ACCEPTED', 'LETTER_ASSIGNED', 'LETTER_RETURNED', 'LETTER_REPLY_SUBMITTED', 'LETTER_REPLIED', 'LETTER_EXTENDED', 'LETTER_SUPPLEMENT_REQUESTED', 'LETTER_DEADLINE_WARNING', 'LETTER_OVERDUE', 'OPINION_OUTCOME_PUBLISHED', 'GUIDE_ERROR_REPORTED', 'GUIDE_ERROR_ANSWERED') NOT NULL,
    `wechatTemplateId` VARCHAR(64) NOT NULL,
    `isLongTerm` BOOLEAN NOT NULL DEFAULT false,
    `page` VARCHAR(255) NULL,
    `fieldMap` JSON NOT NULL,
    `isEnabled` BOOLEAN NOT NULL DEFAULT true,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    UNIQUE INDEX `NotificationTemplate_eventType_key`(`eventType`),
    INDEX `NotificationTemplate_wechatTemplateId_idx`(`wechatTemplateId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `SubscribeQuota` (
    `id` VARCHAR(32) NOT NULL,
    `userId` VARCHAR(32) NOT NULL,
    `templateId` VARCHAR(64) NOT NULL,
    `remaining` INTEGER NOT NULL DEFAULT 0,
    `isLongTerm` BOOLEAN NOT NULL DEFAULT false,
    `lastAcceptedAt` DATETIME(3) NULL,
    `lastRejectedAt` DATETIME(3) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    UNIQUE INDEX `SubscribeQuota_userId_templateId_key`(`userId`, `templateId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `CalendarDay` (
    `id` VARCHAR(32) NOT NULL,
    `date` DATE NOT NULL,
    `kind` ENUM('HOLIDAY', 'WORKDAY') NOT NULL,
    `name` VARCHAR(32) NOT NULL,
    `source` ENUM('SEED', 'ADMIN') NOT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    UNIQUE INDEX `CalendarDay_date_key`(`date`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `Setting` (
    `id` VARCHAR(32) NOT NULL,
    `key` VARCHAR(64) NOT NULL,
    `value` JSON NOT NULL,
    `description` VARCHAR(255) NULL,
    `updatedById` VARCHAR(32) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    UNIQUE INDEX `Setting_key_key`(`key`),
    INDEX `Setting_updatedById_idx`(`updatedById`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `AuditLog` (
    `id` VARCHAR(32) NOT NULL,
    `actorUserId` VARCHAR(32) NULL,
    `actorRole` ENUM('RESIDENT', 'WINDOW_STAFF', 'MAILBOX_OFFICE', 'DEPARTMENT_HANDLER', 'ADMIN') NULL,
    `action` VARCHAR(64) NOT NULL,
    `entityType` VARCHAR(64) NOT NULL,
    `entityId` VARCHAR(64) NOT NULL,
    `before` JSON NULL,
    `after` JSON NULL,
    `requestId` VARCHAR(64) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `AuditLog_entityType_entityId_createdAt_idx`(`entityType`, `entityId`, `createdAt`),
    INDEX `AuditLog_actorUserId_createdAt_idx`(`actorUserId`, `createdAt`),
    INDEX `AuditLog_createdAt_idx`(`createdAt`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `IdempotencyRecord` (
    `id` VARCHAR(32) NOT NULL,
    `scope` VARCHAR(64) NOT NULL,
    `key` VARCHAR(128) NOT NULL,
    `userId` VARCHAR(32) NULL,
    `requestHash` VARCHAR(64) NOT NULL,
    `statusCode` INTEGER NULL,
    `response` JSON NULL,
    `expiresAt` DATETIME(3) NOT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    INDEX `IdempotencyRecord_userId_idx`(`userId`),
    INDEX `IdempotencyRecord_expiresAt_idx`(`expiresAt`),
    UNIQUE INDEX `IdempotencyRecord_scope_key_key`(`scope`, `key`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- AddForeignKey
ALTER TABLE `StaffAccount` ADD CONSTRAINT `StaffAccount_userId_fkey` FOREIGN KEY (`userId`) REFERENCES `User`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `StaffBindingCode` ADD CONSTRAINT `StaffBindingCode_staffAccountId_fkey` FOREIGN KEY (`staffAccountId`) REFERENCES `StaffAccount`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `StaffBindingCode` ADD CONSTRAINT `StaffBindingCode_usedByUserId_fkey` FOREIGN KEY (`usedByUserId`) REFERENCES `User`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `RoleAssignment` ADD CONSTRAINT `RoleAssignment_staffAccountId_fkey` FOREIGN KEY (`staffAccountId`) REFERENCES `StaffAccount`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `RoleAssignment` ADD CONSTRAINT `RoleAssignment_hallId_fkey` FOREIGN KEY (`hallId`) REFERENCES `Hall`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `RoleAssignment` ADD CONSTRAINT `RoleAssignment_departmentId_fkey` FOREIGN KEY (`departmentId`) REFERENCES `Department`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `ServiceWindow` ADD CONSTRAINT `ServiceWindow_hallId_fkey` FOREIGN KEY (`hallId`) REFERENCES `Hall`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `ServiceWindow` ADD CONSTRAINT `ServiceWindow_departmentId_fkey` FOREIGN KEY (`departmentId`) REFERENCES `Department`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `ServiceWindowItem` ADD CONSTRAINT `ServiceWindowItem_windowId_fkey` FOREIGN KEY (`windowId`) REFERENCES `ServiceWindow`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `ServiceWindowItem` ADD CONSTRAINT `ServiceWindowItem_itemId_fkey` FOREIGN KEY (`itemId`) REFERENCES `ServiceItem`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `ScheduleTemplate` ADD CONSTRAINT `ScheduleTemplate_hallId_fkey` FOREIGN KEY (`hallId`) REFERENCES `Hall`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `ScheduleRule` ADD CONSTRAINT `ScheduleRule_templateId_fkey` FOREIGN KEY (`templateId`) REFERENCES `ScheduleTemplate`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `ScheduleOverride` ADD CONSTRAINT `ScheduleOverride_hallId_fkey` FOREIGN KEY (`hallId`) REFERENCES `Hall`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Slot` ADD CONSTRAINT `Slot_hallId_fkey` FOREIGN KEY (`hallId`) REFERENCES `Hall`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `ServiceItem` ADD CONSTRAINT `ServiceItem_departmentId_fkey` FOREIGN KEY (`departmentId`) REFERENCES `Department`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `ServiceItemMaterial` ADD CONSTRAINT `ServiceItemMaterial_itemId_fkey` FOREIGN KEY (`itemId`) REFERENCES `ServiceItem`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `ServiceItemStep` ADD CONSTRAINT `ServiceItemStep_itemId_fkey` FOREIGN KEY (`itemId`) REFERENCES `ServiceItem`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `ServiceItemFaq` ADD CONSTRAINT `ServiceItemFaq_itemId_fkey` FOREIGN KEY (`itemId`) REFERENCES `ServiceItem`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `ServiceItemVersion` ADD CONSTRAINT `ServiceItemVersion_itemId_fkey` FOREIGN KEY (`itemId`) REFERENCES `ServiceItem`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `ServiceItemVersion` ADD CONSTRAINT `ServiceItemVersion_createdById_fkey` FOREIGN KEY (`createdById`) REFERENCES `User`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `ServiceItemHall` ADD CONSTRAINT `ServiceItemHall_itemId_fkey` FOREIGN KEY (`itemId`) REFERENCES `ServiceItem`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `ServiceItemHall` ADD CONSTRAINT `ServiceItemHall_hallId_fkey` FOREIGN KEY (`hallId`) REFERENCES `Hall`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `LifeEventItem` ADD CONSTRAINT `LifeEventItem_lifeEventId_fkey` FOREIGN KEY (`lifeEventId`) REFERENCES `LifeEvent`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `LifeEventItem` ADD CONSTRAINT `LifeEventItem_itemId_fkey` FOREIGN KEY (`itemId`) REFERENCES `ServiceItem`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Favourite` ADD CONSTRAINT `Favourite_userId_fkey` FOREIGN KEY (`userId`) REFERENCES `User`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Favourite` ADD CONSTRAINT `Favourite_itemId_fkey` FOREIGN KEY (`itemId`) REFERENCES `ServiceItem`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `RecentView` ADD CONSTRAINT `RecentView_userId_fkey` FOREIGN KEY (`userId`) REFERENCES `User`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `RecentView` ADD CONSTRAINT `RecentView_itemId_fkey` FOREIGN KEY (`itemId`) REFERENCES `ServiceItem`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `MaterialChecklist` ADD CONSTRAINT `MaterialChecklist_userId_fkey` FOREIGN KEY (`userId`) REFERENCES `User`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `MaterialChecklist` ADD CONSTRAINT `MaterialChecklist_itemId_fkey` FOREIGN KEY (`itemId`) REFERENCES `ServiceItem`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `GuideErrorReport` ADD CONSTRAINT `GuideErrorReport_itemId_fkey` FOREIGN KEY (`itemId`) REFERENCES `ServiceItem`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `GuideErrorReport` ADD CONSTRAINT `GuideErrorReport_departmentId_fkey` FOREIGN KEY (`departmentId`) REFERENCES `Department`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `GuideErrorReport` ADD CONSTRAINT `GuideErrorReport_reporterId_fkey` FOREIGN KEY (`reporterId`) REFERENCES `User`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `GuideErrorReport` ADD CONSTRAINT `GuideErrorReport_answeredById_fkey` FOREIGN KEY (`answeredById`) REFERENCES `User`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Appointment` ADD CONSTRAINT `Appointment_residentId_fkey` FOREIGN KEY (`residentId`) REFERENCES `User`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Appointment` ADD CONSTRAINT `Appointment_itemId_fkey` FOREIGN KEY (`itemId`) REFERENCES `ServiceItem`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Appointment` ADD CONSTRAINT `Appointment_hallId_fkey` FOREIGN KEY (`hallId`) REFERENCES `Hall`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Appointment` ADD CONSTRAINT `Appointment_slotId_fkey` FOREIGN KEY (`slotId`) REFERENCES `Slot`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Appointment` ADD CONSTRAINT `Appointment_calledWindowId_fkey` FOREIGN KEY (`calledWindowId`) REFERENCES `ServiceWindow`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Appointment` ADD CONSTRAINT `Appointment_cancelledByUserId_fkey` FOREIGN KEY (`cancelledByUserId`) REFERENCES `User`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `AppointmentEvent` ADD CONSTRAINT `AppointmentEvent_appointmentId_fkey` FOREIGN KEY (`appointmentId`) REFERENCES `Appointment`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `AppointmentEvent` ADD CONSTRAINT `AppointmentEvent_actorUserId_fkey` FOREIGN KEY (`actorUserId`) REFERENCES `User`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `QueueCounter` ADD CONSTRAINT `QueueCounter_hallId_fkey` FOREIGN KEY (`hallId`) REFERENCES `Hall`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `BookingPause` ADD CONSTRAINT `BookingPause_userId_fkey` FOREIGN KEY (`userId`) REFERENCES `User`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `BookingPause` ADD CONSTRAINT `BookingPause_liftedById_fkey` FOREIGN KEY (`liftedById`) REFERENCES `User`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `PreReviewFile` ADD CONSTRAINT `PreReviewFile_appointmentId_fkey` FOREIGN KEY (`appointmentId`) REFERENCES `Appointment`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `PreReviewFile` ADD CONSTRAINT `PreReviewFile_materialId_fkey` FOREIGN KEY (`materialId`) REFERENCES `ServiceItemMaterial`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `PreReviewFile` ADD CONSTRAINT `PreReviewFile_reviewedById_fkey` FOREIGN KEY (`reviewedById`) REFERENCES `User`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `FeeOrder` ADD CONSTRAINT `FeeOrder_appointmentId_fkey` FOREIGN KEY (`appointmentId`) REFERENCES `Appointment`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `FeeOrder` ADD CONSTRAINT `FeeOrder_itemId_fkey` FOREIGN KEY (`itemId`) REFERENCES `ServiceItem`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `FeeOrder` ADD CONSTRAINT `FeeOrder_hallId_fkey` FOREIGN KEY (`hallId`) REFERENCES `Hall`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `FeeOrder` ADD CONSTRAINT `FeeOrder_residentId_fkey` FOREIGN KEY (`residentId`) REFERENCES `User`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `FeeOrder` ADD CONSTRAINT `FeeOrder_issuedById_fkey` FOREIGN KEY (`issuedById`) REFERENCES `User`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Payment` ADD CONSTRAINT `Payment_feeOrderId_fkey` FOREIGN KEY (`feeOrderId`) REFERENCES `FeeOrder`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Refund` ADD CONSTRAINT `Refund_feeOrderId_fkey` FOREIGN KEY (`feeOrderId`) REFERENCES `FeeOrder`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Refund` ADD CONSTRAINT `Refund_paymentId_fkey` FOREIGN KEY (`paymentId`) REFERENCES `Payment`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Refund` ADD CONSTRAINT `Refund_requestedById_fkey` FOREIGN KEY (`requestedById`) REFERENCES `User`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Rating` ADD CONSTRAINT `Rating_appointmentId_fkey` FOREIGN KEY (`appointmentId`) REFERENCES `Appointment`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Rating` ADD CONSTRAINT `Rating_residentId_fkey` FOREIGN KEY (`residentId`) REFERENCES `User`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Rating` ADD CONSTRAINT `Rating_hallId_fkey` FOREIGN KEY (`hallId`) REFERENCES `Hall`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Rating` ADD CONSTRAINT `Rating_itemId_fkey` FOREIGN KEY (`itemId`) REFERENCES `ServiceItem`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Rating` ADD CONSTRAINT `Rating_staffUserId_fkey` FOREIGN KEY (`staffUserId`) REFERENCES `User`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `RatingFollowUp` ADD CONSTRAINT `RatingFollowUp_ratingId_fkey` FOREIGN KEY (`ratingId`) REFERENCES `Rating`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `RatingFollowUp` ADD CONSTRAINT `RatingFollowUp_hallId_fkey` FOREIGN KEY (`hallId`) REFERENCES `Hall`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `RatingFollowUp` ADD CONSTRAINT `RatingFollowUp_handledById_fkey` FOREIGN KEY (`handledById`) REFERENCES `User`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Mailbox` ADD CONSTRAINT `Mailbox_ownerDepartmentId_fkey` FOREIGN KEY (`ownerDepartmentId`) REFERENCES `Department`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Letter` ADD CONSTRAINT `Letter_mailboxId_fkey` FOREIGN KEY (`mailboxId`) REFERENCES `Mailbox`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Letter` ADD CONSTRAINT `Letter_ownerDepartmentId_fkey` FOREIGN KEY (`ownerDepartmentId`) REFERENCES `Department`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Letter` ADD CONSTRAINT `Letter_departmentId_fkey` FOREIGN KEY (`departmentId`) REFERENCES `Department`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Letter` ADD CONSTRAINT `Letter_residentId_fkey` FOREIGN KEY (`residentId`) REFERENCES `User`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Letter` ADD CONSTRAINT `Letter_publishedById_fkey` FOREIGN KEY (`publishedById`) REFERENCES `User`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Letter` ADD CONSTRAINT `Letter_mergedIntoId_fkey` FOREIGN KEY (`mergedIntoId`) REFERENCES `Letter`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `LetterEvent` ADD CONSTRAINT `LetterEvent_letterId_fkey` FOREIGN KEY (`letterId`) REFERENCES `Letter`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `LetterEvent` ADD CONSTRAINT `LetterEvent_actorUserId_fkey` FOREIGN KEY (`actorUserId`) REFERENCES `User`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `LetterNote` ADD CONSTRAINT `LetterNote_letterId_fkey` FOREIGN KEY (`letterId`) REFERENCES `Letter`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `LetterNote` ADD CONSTRAINT `LetterNote_authorId_fkey` FOREIGN KEY (`authorId`) REFERENCES `User`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `LetterReply` ADD CONSTRAINT `LetterReply_letterId_fkey` FOREIGN KEY (`letterId`) REFERENCES `Letter`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `LetterReply` ADD CONSTRAINT `LetterReply_departmentId_fkey` FOREIGN KEY (`departmentId`) REFERENCES `Department`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `LetterReply` ADD CONSTRAINT `LetterReply_draftedById_fkey` FOREIGN KEY (`draftedById`) REFERENCES `User`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `LetterReply` ADD CONSTRAINT `LetterReply_reviewedById_fkey` FOREIGN KEY (`reviewedById`) REFERENCES `User`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `LetterAttachment` ADD CONSTRAINT `LetterAttachment_letterId_fkey` FOREIGN KEY (`letterId`) REFERENCES `Letter`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `LetterExtension` ADD CONSTRAINT `LetterExtension_letterId_fkey` FOREIGN KEY (`letterId`) REFERENCES `Letter`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `LetterExtension` ADD CONSTRAINT `LetterExtension_departmentId_fkey` FOREIGN KEY (`departmentId`) REFERENCES `Department`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `LetterExtension` ADD CONSTRAINT `LetterExtension_requestedById_fkey` FOREIGN KEY (`requestedById`) REFERENCES `User`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `LetterExtension` ADD CONSTRAINT `LetterExtension_reviewedById_fkey` FOREIGN KEY (`reviewedById`) REFERENCES `User`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `LetterAssignment` ADD CONSTRAINT `LetterAssignment_letterId_fkey` FOREIGN KEY (`letterId`) REFERENCES `Letter`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `LetterAssignment` ADD CONSTRAINT `LetterAssignment_departmentId_fkey` FOREIGN KEY (`departmentId`) REFERENCES `Department`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `LetterAssignment` ADD CONSTRAINT `LetterAssignment_assignedById_fkey` FOREIGN KEY (`assignedById`) REFERENCES `User`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `LetterAssignment` ADD CONSTRAINT `LetterAssignment_returnedById_fkey` FOREIGN KEY (`returnedById`) REFERENCES `User`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `LetterSupplement` ADD CONSTRAINT `LetterSupplement_letterId_fkey` FOREIGN KEY (`letterId`) REFERENCES `Letter`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `LetterSupplement` ADD CONSTRAINT `LetterSupplement_requestedById_fkey` FOREIGN KEY (`requestedById`) REFERENCES `User`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Consultation` ADD CONSTRAINT `Consultation_departmentId_fkey` FOREIGN KEY (`departmentId`) REFERENCES `Department`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `ConsultationSection` ADD CONSTRAINT `ConsultationSection_consultationId_fkey` FOREIGN KEY (`consultationId`) REFERENCES `Consultation`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `ConsultationAttachment` ADD CONSTRAINT `ConsultationAttachment_consultationId_fkey` FOREIGN KEY (`consultationId`) REFERENCES `Consultation`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Opinion` ADD CONSTRAINT `Opinion_consultationId_fkey` FOREIGN KEY (`consultationId`) REFERENCES `Consultation`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Opinion` ADD CONSTRAINT `Opinion_sectionId_fkey` FOREIGN KEY (`sectionId`) REFERENCES `ConsultationSection`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Opinion` ADD CONSTRAINT `Opinion_userId_fkey` FOREIGN KEY (`userId`) REFERENCES `User`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `OpinionOutcome` ADD CONSTRAINT `OpinionOutcome_opinionId_fkey` FOREIGN KEY (`opinionId`) REFERENCES `Opinion`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `OpinionOutcome` ADD CONSTRAINT `OpinionOutcome_mergedIntoOpinionId_fkey` FOREIGN KEY (`mergedIntoOpinionId`) REFERENCES `Opinion`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `OpinionOutcome` ADD CONSTRAINT `OpinionOutcome_answeredById_fkey` FOREIGN KEY (`answeredById`) REFERENCES `User`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `ConsultationFeedbackReport` ADD CONSTRAINT `ConsultationFeedbackReport_consultationId_fkey` FOREIGN KEY (`consultationId`) REFERENCES `Consultation`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `ConsultationFeedbackReport` ADD CONSTRAINT `ConsultationFeedbackReport_publishedById_fkey` FOREIGN KEY (`publishedById`) REFERENCES `User`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `OutboxEvent` ADD CONSTRAINT `OutboxEvent_userId_fkey` FOREIGN KEY (`userId`) REFERENCES `User`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Notification` ADD CONSTRAINT `Notification_userId_fkey` FOREIGN KEY (`userId`) REFERENCES `User`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Notification` ADD CONSTRAINT `Notification_outboxEventId_fkey` FOREIGN KEY (`outboxEventId`) REFERENCES `OutboxEvent`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `SubscribeQuota` ADD CONSTRAINT `SubscribeQuota_userId_fkey` FOREIGN KEY (`userId`) REFERENCES `User`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Setting` ADD CONSTRAINT `Setting_updatedById_fkey` FOREIGN KEY (`updatedById`) REFERENCES `User`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `AuditLog` ADD CONSTRAINT `AuditLog_actorUserId_fkey` FOREIGN KEY (`actorUserId`) REFERENCES `User`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `IdempotencyRecord` ADD CONSTRAINT `IdempotencyRecord_userId_fkey` FOREIGN KEY (`userId`) REFERENCES `User`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
