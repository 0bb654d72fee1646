-- When a delivery's request is about to leave: written and committed after its turn at the
-- pacer and the send-time check, right before the request. At start, a job still running
-- without it never reached Telegram and simply runs again; one with it is in doubt.
ALTER TABLE jobs ADD COLUMN leaving_at INTEGER;

-- Each request of a delivery that Telegram answered, with the message it made (a delivery can
-- take several requests: a text, then its file). When the job runs again — after a crash, or a
-- retry after its second request failed — the parts already answered are not sent again.
CREATE TABLE job_sends (
    job_id     INTEGER NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
    part       INTEGER NOT NULL CHECK (part >= 0),
    chat_id    INTEGER NOT NULL,
    message_id INTEGER NOT NULL,
    sent_at    INTEGER NOT NULL,
    PRIMARY KEY (job_id, part)
) WITHOUT ROWID;
CREATE INDEX job_sends_chat ON job_sends (chat_id);
