-- 信件选登: the office may edit the public copy (before or after publication) and withdraw a
-- published letter with a reason. The resident's original text is untouched; both steps are
-- letter events (EDIT_PUBLIC_TEXT, UNPUBLISH) with their audit rows.
ALTER TABLE `Letter`
    ADD COLUMN `publicEditedAt` DATETIME(3) NULL,
    ADD COLUMN `publicEditedById` VARCHAR(32) NULL,
    ADD COLUMN `publicWithdrawnAt` DATETIME(3) NULL,
    ADD COLUMN `publicWithdrawnReason` VARCHAR(500) NULL;

ALTER TABLE `LetterEvent` MODIFY `action` ENUM('SUBMIT', 'ACCEPT', 'NOT_ACCEPT', 'ASSIGN', 'REASSIGN', 'RETURN', 'DRAFT_REPLY', 'APPROVE_REPLY', 'SEND_BACK_REPLY', 'REQUEST_SUPPLEMENT', 'SUPPLEMENT', 'REQUEST_EXTENSION', 'APPROVE_EXTENSION', 'REJECT_EXTENSION', 'RATE', 'CLOSE', 'REOPEN', 'PUBLISH', 'UNPUBLISH', 'MERGE', 'EDIT_PUBLIC_TEXT') NOT NULL;
