-- The transport contract shared with the API's database (docs: STAGE4 design, "Outbox and inbox
-- tables"): the events this service publishes, and the events each of its consumers has handled.
CREATE TABLE outbox (
  id uuid PRIMARY KEY, name text NOT NULL, version integer NOT NULL,
  producer text NOT NULL, aggregate_id text NOT NULL, correlation_id text NOT NULL,
  causation_id uuid, traceparent text, payload jsonb NOT NULL,
  occurred_at timestamptz NOT NULL DEFAULT now(), published_at timestamptz,
  publish_attempts integer NOT NULL DEFAULT 0, last_error text);
CREATE INDEX outbox_unpublished ON outbox (occurred_at, id) WHERE published_at IS NULL;
CREATE INDEX outbox_published_at ON outbox (published_at) WHERE published_at IS NOT NULL;
CREATE INDEX outbox_correlation ON outbox (correlation_id, occurred_at);
-- wakes relays at commit: one NOTIFY per inserting statement
CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_notify('outbox', ''); RETURN NULL; END $$;
CREATE TRIGGER outbox_notify AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify();
CREATE TABLE inbox (
  consumer text NOT NULL, event_id uuid NOT NULL, event_name text NOT NULL,
  correlation_id text NOT NULL, traceparent text, handled_at timestamptz NOT NULL DEFAULT now(),
  outcome text,  -- one line saying what the effect was ("charged", "skipped: already refunded", …)
  PRIMARY KEY (consumer, event_id));
CREATE INDEX inbox_correlation ON inbox (correlation_id, handled_at);
