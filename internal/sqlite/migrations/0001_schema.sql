-- PolicyDesk schema for the whole domain. Later migrations extend it; they never rewrite it.
-- Conventions: ids are INTEGER PRIMARY KEY; dates are TEXT 'YYYY-MM-DD' (civil dates, China time);
-- timestamps are TEXT RFC 3339 with the +08:00 offset; every domain record carries who created/changed it
-- (people.id, plus the name at that moment so records stay readable if a person is deleted).

CREATE TABLE settings (
    key         TEXT PRIMARY KEY,
    value       TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL DEFAULT ''
);

CREATE TABLE sections (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    head_id     INTEGER REFERENCES people(id) ON DELETE SET NULL,
    phone       TEXT NOT NULL DEFAULT '',
    duties      TEXT NOT NULL DEFAULT '',
    sort_order  INTEGER NOT NULL DEFAULT 0,
    active      INTEGER NOT NULL DEFAULT 1,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

CREATE TABLE people (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    section_id  INTEGER REFERENCES sections(id) ON DELETE RESTRICT,
    title       TEXT NOT NULL DEFAULT '',
    role        TEXT NOT NULL,
    phone       TEXT NOT NULL DEFAULT '',
    email       TEXT NOT NULL DEFAULT '',
    active      INTEGER NOT NULL DEFAULT 1,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX people_section ON people(section_id);

-- Working-day calendar: one row per year whose official holiday data is recorded, one row per day that differs
-- from the Mon–Fri rule (or is a named holiday day). kind: 'holiday' (rest) or 'workday' (调休上班).
CREATE TABLE calendar_years (
    year        INTEGER PRIMARY KEY,
    source      TEXT NOT NULL,
    source_url  TEXT NOT NULL DEFAULT '',
    notice_text TEXT NOT NULL DEFAULT '',
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL DEFAULT ''
);
CREATE TABLE calendar_days (
    date        TEXT PRIMARY KEY,
    year        INTEGER NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('holiday', 'workday')),
    name        TEXT NOT NULL DEFAULT '',
    note        TEXT NOT NULL DEFAULT '',
    edited      INTEGER NOT NULL DEFAULT 0,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX calendar_days_year ON calendar_days(year);

-- Policy register shared by 征求意见, 政策解读 and 局长信箱.
CREATE TABLE policies (
    id                 INTEGER PRIMARY KEY,
    title              TEXT NOT NULL,
    doc_number         TEXT NOT NULL DEFAULT '',             -- 文号
    category           TEXT NOT NULL,                         -- 规范性文件 / 重大行政决策 / 其他
    section_id         INTEGER NOT NULL REFERENCES sections(id),
    drafter_id         INTEGER REFERENCES people(id),
    disclosure         TEXT NOT NULL,                         -- 公开属性: 主动公开 / 依申请公开 / 不予公开
    disclosure_basis   TEXT NOT NULL,                         -- 公开属性依据
    enterprise_related INTEGER NOT NULL DEFAULT 0,            -- 涉企
    status             TEXT NOT NULL DEFAULT '起草',
    published_date     TEXT,
    published_url      TEXT NOT NULL DEFAULT '',
    draft_exemption    TEXT NOT NULL DEFAULT '',              -- 同步起草 exemption reason, if any
    created_at         TEXT NOT NULL,
    created_by         INTEGER REFERENCES people(id),
    updated_at         TEXT NOT NULL,
    updated_by         INTEGER REFERENCES people(id)
);
CREATE INDEX policies_status ON policies(status);
CREATE INDEX policies_section ON policies(section_id);

CREATE TABLE policy_versions (
    id            INTEGER PRIMARY KEY,
    policy_id     INTEGER NOT NULL REFERENCES policies(id) ON DELETE CASCADE,
    kind          TEXT NOT NULL,                               -- 征求意见稿 / 送审稿 / 正式文本
    version_date  TEXT NOT NULL,
    file_name     TEXT NOT NULL DEFAULT '',
    format        TEXT NOT NULL DEFAULT '',
    encoding      TEXT NOT NULL DEFAULT '',
    body          TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    created_by    INTEGER REFERENCES people(id)
);
CREATE INDEX policy_versions_policy ON policy_versions(policy_id);

CREATE TABLE clauses (
    id          INTEGER PRIMARY KEY,
    version_id  INTEGER NOT NULL REFERENCES policy_versions(id) ON DELETE CASCADE,
    path        TEXT NOT NULL,          -- e.g. 第二章/第五条 or 一/(二)/3
    level       INTEGER NOT NULL,
    number      TEXT NOT NULL DEFAULT '',
    heading     TEXT NOT NULL DEFAULT '',
    body        TEXT NOT NULL,
    start_pos   INTEGER NOT NULL,
    end_pos     INTEGER NOT NULL,
    seq         INTEGER NOT NULL
);
CREATE INDEX clauses_version ON clauses(version_id, seq);

-- 征求意见
CREATE TABLE consultations (
    id                 INTEGER PRIMARY KEY,
    policy_id          INTEGER NOT NULL REFERENCES policies(id) ON DELETE CASCADE,
    version_id         INTEGER REFERENCES policy_versions(id),
    open_date          TEXT NOT NULL,
    close_date         TEXT NOT NULL,
    short_reason       TEXT NOT NULL DEFAULT '',   -- why the period is shorter than 30 days, if it is
    channels           TEXT NOT NULL DEFAULT '[]', -- JSON array: 网站, 电子邮件, 信函, 传真, 座谈会, 听证会
    contact            TEXT NOT NULL DEFAULT '',
    explanation        TEXT NOT NULL DEFAULT '',   -- 起草说明
    report_body        TEXT NOT NULL DEFAULT '',   -- 意见收集采纳情况说明 as generated/edited
    report_published   TEXT,                        -- date
    report_url         TEXT NOT NULL DEFAULT '',
    section_id         INTEGER REFERENCES sections(id),
    created_at         TEXT NOT NULL,
    created_by         INTEGER REFERENCES people(id),
    updated_at         TEXT NOT NULL,
    updated_by         INTEGER REFERENCES people(id)
);
CREATE INDEX consultations_policy ON consultations(policy_id);
CREATE INDEX consultations_close ON consultations(close_date);

CREATE TABLE consultation_notices (
    id               INTEGER PRIMARY KEY,
    consultation_id  INTEGER NOT NULL REFERENCES consultations(id) ON DELETE CASCADE,
    kind             TEXT NOT NULL,      -- 开始征求 / 延期 / 重新开放 / 提前截止
    notice_date      TEXT NOT NULL,
    old_close        TEXT,
    new_close        TEXT,
    reason           TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL,
    created_by       INTEGER REFERENCES people(id)
);

CREATE TABLE import_batches (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL,       -- comments / messages / policy_text / topics_history
    file_name   TEXT NOT NULL,
    encoding    TEXT NOT NULL DEFAULT '',
    rows_total  INTEGER NOT NULL DEFAULT 0,
    rows_added  INTEGER NOT NULL DEFAULT 0,
    rows_skipped INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT NOT NULL,
    created_by  INTEGER REFERENCES people(id)
);

CREATE TABLE comment_groups (
    id                 INTEGER PRIMARY KEY,
    consultation_id    INTEGER NOT NULL REFERENCES consultations(id) ON DELETE CASCADE,
    representative_id  INTEGER,            -- comments.id
    similarity         REAL NOT NULL DEFAULT 0,
    manual             INTEGER NOT NULL DEFAULT 0,
    created_at         TEXT NOT NULL
);

CREATE TABLE comments (
    id               INTEGER PRIMARY KEY,
    consultation_id  INTEGER NOT NULL REFERENCES consultations(id) ON DELETE CASCADE,
    received_date    TEXT NOT NULL,
    channel          TEXT NOT NULL,
    commenter        TEXT NOT NULL DEFAULT '',
    category         TEXT NOT NULL DEFAULT '其他',  -- 自然人, 企业, 行业协会商会, 专家学者, 人大代表政协委员, 政府部门, 其他
    contact          TEXT NOT NULL DEFAULT '',
    body             TEXT NOT NULL,
    clause_paths     TEXT NOT NULL DEFAULT '[]',   -- JSON array of clause paths
    group_id         INTEGER REFERENCES comment_groups(id) ON DELETE SET NULL,
    decision         TEXT NOT NULL DEFAULT '',     -- '' (undecided), 采纳, 部分采纳, 不予采纳, 不属于征求范围
    reason           TEXT NOT NULL DEFAULT '',
    response         TEXT NOT NULL DEFAULT '',
    decided_by       INTEGER REFERENCES people(id),
    decided_at       TEXT,
    batch_id         INTEGER REFERENCES import_batches(id),
    source_row       INTEGER,
    created_at       TEXT NOT NULL,
    created_by       INTEGER REFERENCES people(id),
    updated_at       TEXT NOT NULL,
    updated_by       INTEGER REFERENCES people(id)
);
CREATE INDEX comments_consultation ON comments(consultation_id);
CREATE INDEX comments_group ON comments(group_id);
CREATE INDEX comments_batch ON comments(batch_id);

-- 政策解读
CREATE TABLE interpretations (
    id               INTEGER PRIMARY KEY,
    policy_id        INTEGER NOT NULL REFERENCES policies(id) ON DELETE CASCADE,
    form             TEXT NOT NULL,      -- 文字解读, 图解, 问答, 负责人解读, 视频, 新闻发布会/政策吹风会
    title            TEXT NOT NULL,
    section_id       INTEGER NOT NULL REFERENCES sections(id),
    section_reason   TEXT NOT NULL DEFAULT '',  -- why not the policy's drafting section (谁起草、谁解读)
    author_id        INTEGER REFERENCES people(id),
    body             TEXT NOT NULL DEFAULT '',  -- text, or JSON for 问答 pairs / 图解 blocks / media references
    status           TEXT NOT NULL DEFAULT '起草',  -- 起草, 审核中, 已退回, 已审签, 已发布
    approved_at      TEXT,
    published_date   TEXT,
    published_url    TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL,
    created_by       INTEGER REFERENCES people(id),
    updated_at       TEXT NOT NULL,
    updated_by       INTEGER REFERENCES people(id)
);
CREATE INDEX interpretations_policy ON interpretations(policy_id);

-- Sign-off steps for any record (policy, interpretation, reply, report, clock stop).
CREATE TABLE approvals (
    id            INTEGER PRIMARY KEY,
    subject_type  TEXT NOT NULL,      -- policy / interpretation / message / consultation
    subject_id    INTEGER NOT NULL,
    round         INTEGER NOT NULL DEFAULT 1,
    step_order    INTEGER NOT NULL,
    step_name     TEXT NOT NULL,      -- 科室负责人审核 / 分管领导审签 / 保密审查 …
    person_id     INTEGER REFERENCES people(id),
    person_name   TEXT NOT NULL DEFAULT '',
    decision      TEXT NOT NULL DEFAULT '',  -- '' pending, 同意, 退回
    opinion       TEXT NOT NULL DEFAULT '',
    acted_at      TEXT,
    created_at    TEXT NOT NULL
);
CREATE INDEX approvals_subject ON approvals(subject_type, subject_id);

-- Exemptions and acknowledged findings are evidence: who decided what, when and why.
CREATE TABLE exemptions (
    id            INTEGER PRIMARY KEY,
    subject_type  TEXT NOT NULL,
    subject_id    INTEGER NOT NULL,
    rule          TEXT NOT NULL,       -- e.g. 同步起草, 短于30日, 非起草科室解读
    reason        TEXT NOT NULL,
    person_id     INTEGER REFERENCES people(id),
    person_name   TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL
);
CREATE INDEX exemptions_subject ON exemptions(subject_type, subject_id);

CREATE TABLE prepub_findings (
    id            INTEGER PRIMARY KEY,
    subject_type  TEXT NOT NULL,
    subject_id    INTEGER NOT NULL,
    kind          TEXT NOT NULL,
    match_text    TEXT NOT NULL,
    resolution    TEXT NOT NULL DEFAULT '',  -- fixed / acknowledged
    reason        TEXT NOT NULL DEFAULT '',
    person_id     INTEGER REFERENCES people(id),
    person_name   TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL
);

-- 局长信箱
CREATE TABLE topics (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL UNIQUE,
    section_id   INTEGER REFERENCES sections(id) ON DELETE SET NULL,
    description  TEXT NOT NULL DEFAULT '',
    keywords     TEXT NOT NULL DEFAULT '[]',  -- JSON [{word, weight}]
    active       INTEGER NOT NULL DEFAULT 1,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);

CREATE TABLE user_words (
    word        TEXT PRIMARY KEY,
    freq        INTEGER NOT NULL DEFAULT 0,
    tag         TEXT NOT NULL DEFAULT 'n',
    created_at  TEXT NOT NULL
);

CREATE TABLE reply_templates (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    msg_type    TEXT NOT NULL DEFAULT '',
    body        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

CREATE TABLE messages (
    id              INTEGER PRIMARY KEY,
    external_id     TEXT,
    channel         TEXT NOT NULL,          -- 网站, 电子邮件, 信件, 电话, 12345转办
    received_at     TEXT NOT NULL,          -- timestamp
    received_date   TEXT NOT NULL,          -- civil date, for due dates and statistics
    sender_name     TEXT NOT NULL DEFAULT '',
    sender_phone    TEXT NOT NULL DEFAULT '',
    sender_email    TEXT NOT NULL DEFAULT '',
    sender_address  TEXT NOT NULL DEFAULT '',
    subject         TEXT NOT NULL DEFAULT '',
    body            TEXT NOT NULL,
    msg_type        TEXT NOT NULL DEFAULT '其他',  -- 咨询, 建议, 投诉, 举报, 求助, 其他
    agree_publish   INTEGER NOT NULL DEFAULT 0,
    state           TEXT NOT NULL DEFAULT '待分办', -- 待分办, 办理中, 待审核, 已答复, 已公开, 转办
    topic_id        INTEGER REFERENCES topics(id) ON DELETE SET NULL,
    topic_score     REAL,
    section_id      INTEGER REFERENCES sections(id),
    assignee_id     INTEGER REFERENCES people(id),
    due_date        TEXT NOT NULL,
    stopped_days    INTEGER NOT NULL DEFAULT 0,  -- working days the clock was stopped
    reply_body      TEXT NOT NULL DEFAULT '',
    replied_at      TEXT,
    replied_by      INTEGER REFERENCES people(id),
    forward_to      TEXT NOT NULL DEFAULT '',    -- 转办: where the citizen should turn
    published_at    TEXT,
    published_text  TEXT NOT NULL DEFAULT '',    -- the masked text as published
    mail_uid        TEXT,                        -- IMAP mailbox/UIDVALIDITY/UID, so a mail is taken once
    message_id      TEXT,                        -- RFC 5322 Message-ID
    batch_id        INTEGER REFERENCES import_batches(id),
    created_at      TEXT NOT NULL,
    created_by      INTEGER REFERENCES people(id),
    updated_at      TEXT NOT NULL,
    updated_by      INTEGER REFERENCES people(id)
);
CREATE UNIQUE INDEX messages_external ON messages(external_id) WHERE external_id IS NOT NULL AND external_id <> '';
CREATE UNIQUE INDEX messages_mail ON messages(message_id) WHERE message_id IS NOT NULL AND message_id <> '';
CREATE INDEX messages_state_due ON messages(state, due_date);
CREATE INDEX messages_received ON messages(received_at);
CREATE INDEX messages_section ON messages(section_id, state);
CREATE INDEX messages_topic ON messages(topic_id);
CREATE INDEX messages_batch ON messages(batch_id);

CREATE TABLE message_events (
    id          INTEGER PRIMARY KEY,
    message_id  INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL,   -- 自动分办, 改派, 承办, 停止计时, 恢复计时, 提交审核, 退回, 答复, 公开, 转办
    from_value  TEXT NOT NULL DEFAULT '',
    to_value    TEXT NOT NULL DEFAULT '',
    reason      TEXT NOT NULL DEFAULT '',
    approver_id INTEGER REFERENCES people(id),
    person_id   INTEGER REFERENCES people(id),
    person_name TEXT NOT NULL DEFAULT '',
    at          TEXT NOT NULL
);
CREATE INDEX message_events_message ON message_events(message_id);

CREATE TABLE attachments (
    id            INTEGER PRIMARY KEY,
    subject_type  TEXT NOT NULL,   -- message / policy_version / interpretation
    subject_id    INTEGER NOT NULL,
    file_name     TEXT NOT NULL,
    mime_type     TEXT NOT NULL DEFAULT '',
    size          INTEGER NOT NULL,
    sha256        TEXT NOT NULL,
    content       BLOB NOT NULL,
    created_at    TEXT NOT NULL
);
CREATE INDEX attachments_subject ON attachments(subject_type, subject_id);

-- Routing model and labeled history for the topic matcher.
CREATE TABLE routing_models (
    id          INTEGER PRIMARY KEY,
    created_at  TEXT NOT NULL,
    examples    INTEGER NOT NULL,
    metrics     TEXT NOT NULL DEFAULT '{}',
    model       BLOB NOT NULL
);
CREATE TABLE routing_examples (
    id          INTEGER PRIMARY KEY,
    subject     TEXT NOT NULL DEFAULT '',
    body        TEXT NOT NULL,
    label       TEXT NOT NULL,
    source      TEXT NOT NULL,      -- import / decision
    message_id  INTEGER REFERENCES messages(id) ON DELETE SET NULL,
    created_at  TEXT NOT NULL
);

-- Append-only audit trail. Each entry carries the hash of the previous one, so editing or deleting a row
-- in the database file breaks the chain at that entry.
CREATE TABLE audit_log (
    id           INTEGER PRIMARY KEY,
    at           TEXT NOT NULL,
    person_id    INTEGER,
    person_name  TEXT NOT NULL DEFAULT '',
    action       TEXT NOT NULL,    -- create / update / delete / state / sign / publish / import
    entity       TEXT NOT NULL,    -- table-like name: policy, comment, message, calendar_day, section …
    entity_id    TEXT NOT NULL,
    summary      TEXT NOT NULL DEFAULT '',
    changes      TEXT NOT NULL DEFAULT '{}',  -- JSON {field: [old, new]}
    prev_hash    TEXT NOT NULL,
    hash         TEXT NOT NULL
);
CREATE INDEX audit_entity ON audit_log(entity, entity_id);
CREATE INDEX audit_at ON audit_log(at);
