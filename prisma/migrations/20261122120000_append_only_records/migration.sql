-- Audit rows and workflow event histories are append-only: no code path may edit or delete them,
-- and the database refuses it too, whoever asks.
CREATE TRIGGER `AuditLog_no_update` BEFORE UPDATE ON `AuditLog` FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'AuditLog is append-only';
CREATE TRIGGER `AuditLog_no_delete` BEFORE DELETE ON `AuditLog` FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'AuditLog is append-only';
CREATE TRIGGER `LetterEvent_no_update` BEFORE UPDATE ON `LetterEvent` FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'LetterEvent is append-only';
CREATE TRIGGER `LetterEvent_no_delete` BEFORE DELETE ON `LetterEvent` FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'LetterEvent is append-only';
CREATE TRIGGER `AppointmentEvent_no_update` BEFORE UPDATE ON `AppointmentEvent` FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'AppointmentEvent is append-only';
CREATE TRIGGER `AppointmentEvent_no_delete` BEFORE DELETE ON `AppointmentEvent` FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'AppointmentEvent is append-only';
