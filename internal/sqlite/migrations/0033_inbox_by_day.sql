-- The inbox at city scale (a million messages): a page and its counts read from one index each.
--
-- A date range (the inbox's 收件日期 filter, the monthly statistics) reads its messages in order of receipt
-- by day, then time: received_date is the Shanghai date of received_at, whose text always carries +08:00, so
-- ordering by (received_date, received_at) is ordering by received_at. The state and the clock's columns let
-- the range's counts by state, and its overdue counts, be read from the index alone.
DROP INDEX messages_received_date;
CREATE INDEX messages_received_day ON messages(received_date, received_at, state, due_date, stopped_since);

-- The overdue counts (the state tabs' 已超期 N) of a section, and of a type, from the index alone.
DROP INDEX messages_section;
CREATE INDEX messages_section ON messages(section_id, state, due_date, stopped_since);
DROP INDEX messages_state_type;
CREATE INDEX messages_state_type ON messages(state, msg_type, received_at, due_date, stopped_since);
