-- The notifications consumer writes each e-mail's row before it sends it. Sending cannot join a
-- database transaction, so the row, committed with the inbox claim, is the promise to send: it
-- starts `pending` and becomes `sent` once the transport accepted the message. The Message-ID is
-- derived from the event id, so a message sent again after a crash is recognisably the same one.
-- No code wrote to this table before this migration, so the new NOT NULL columns need no backfill.
ALTER TABLE notifications
  ADD COLUMN event_id uuid NOT NULL UNIQUE,
  ADD COLUMN message_id text NOT NULL UNIQUE,
  ADD COLUMN recipient_name text NOT NULL,
  ADD COLUMN status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent')),
  ADD COLUMN created_at timestamptz NOT NULL DEFAULT now(),
  ADD COLUMN send_attempts integer NOT NULL DEFAULT 0,
  ADD COLUMN last_error text,
  ALTER COLUMN sent_at DROP NOT NULL,
  ALTER COLUMN sent_at DROP DEFAULT,
  ADD CONSTRAINT notifications_sent_when_sent CHECK ((status = 'sent') = (sent_at IS NOT NULL));
-- E-mails promised but not sent yet (the transport was down until the job's last attempt).
CREATE INDEX notifications_pending ON notifications (created_at) WHERE status = 'pending';
