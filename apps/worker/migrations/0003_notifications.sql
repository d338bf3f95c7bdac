-- E-mails sent about orders: one row per message the transport accepted, at most one of each kind
-- per order.
CREATE TABLE notifications (
  id uuid PRIMARY KEY,
  order_id text NOT NULL,
  kind text NOT NULL,
  recipient text NOT NULL,
  subject text NOT NULL,
  sent_at timestamptz NOT NULL DEFAULT now(),
  transport_ref text,
  UNIQUE (order_id, kind)
);
