-- The inbox's default order (mailbox_inbox.go, msgUrgency): the messages whose clock runs by due date, overdue
-- first, then the others newest first. These indexes hold that key so that a page of 100,000 messages is read
-- in order instead of sorted: alone, within a state tab, a section, and one 承办人 (the inbox's 我的). The
-- expression must stay word for word the one the store orders by.
CREATE INDEX messages_urgency ON messages(
    (CASE WHEN state IN ('待分办', '办理中', '待审核') AND stopped_since IS NULL THEN due_date ELSE '~' END), received_at DESC, id DESC);
CREATE INDEX messages_state_urgency ON messages(state,
    (CASE WHEN state IN ('待分办', '办理中', '待审核') AND stopped_since IS NULL THEN due_date ELSE '~' END), received_at DESC, id DESC);
CREATE INDEX messages_section_urgency ON messages(section_id,
    (CASE WHEN state IN ('待分办', '办理中', '待审核') AND stopped_since IS NULL THEN due_date ELSE '~' END), received_at DESC, id DESC);
CREATE INDEX messages_assignee_urgency ON messages(assignee_id,
    (CASE WHEN state IN ('待分办', '办理中', '待审核') AND stopped_since IS NULL THEN due_date ELSE '~' END), received_at DESC, id DESC);
