-- 依申请公开: the register of applications and the procedural steps of each (补正, 延期, 答复), from which
-- the clock and table 三 of the 政府信息公开工作年度报告 are derived.
CREATE TABLE disclosure_requests (
    id              INTEGER PRIMARY KEY,
    case_no         TEXT NOT NULL UNIQUE,
    channel         TEXT NOT NULL,                 -- 当面 / 邮寄 / 信函 / 网络 / 传真
    arrived         TEXT NOT NULL,                 -- 提交或到达之日
    confirmed       TEXT NOT NULL DEFAULT '',      -- 与申请人确认之日（信函、网络、传真）
    received        TEXT NOT NULL,                 -- 收到申请之日（条例第三十一条）
    applicant       TEXT NOT NULL,
    applicant_type  TEXT NOT NULL,                 -- a column of table 三
    id_number       TEXT NOT NULL DEFAULT '',
    contact         TEXT NOT NULL DEFAULT '',
    content         TEXT NOT NULL,
    form            TEXT NOT NULL DEFAULT '',      -- 纸质 / 电子 ...
    delivery        TEXT NOT NULL DEFAULT '',      -- 邮寄 / 自行领取 / 电子邮件 ...
    section_id      INTEGER REFERENCES sections(id) ON DELETE SET NULL,
    handler_id      INTEGER REFERENCES people(id) ON DELETE SET NULL,
    correction_sent TEXT NOT NULL DEFAULT '',
    correction_by   TEXT NOT NULL DEFAULT '',
    corrected       TEXT NOT NULL DEFAULT '',
    extended        INTEGER NOT NULL DEFAULT 0,
    extension_by    TEXT NOT NULL DEFAULT '',
    outcome         INTEGER NOT NULL DEFAULT -1,   -- index into the result rows of table 三, -1 while open
    answer_date     TEXT NOT NULL DEFAULT '',
    answer_method   TEXT NOT NULL DEFAULT '',      -- 直接送达 / 邮寄 / 电子
    answer_ref      TEXT NOT NULL DEFAULT '',      -- EMS number or the like
    answer_text     TEXT NOT NULL DEFAULT '',
    created_at      TEXT NOT NULL,
    created_by      INTEGER REFERENCES people(id) ON DELETE SET NULL,
    updated_at      TEXT NOT NULL,
    updated_by      INTEGER REFERENCES people(id) ON DELETE SET NULL
);

CREATE TABLE disclosure_events (
    id          INTEGER PRIMARY KEY,
    request_id  INTEGER NOT NULL REFERENCES disclosure_requests(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL,                     -- 登记 / 补正告知 / 收到补正 / 延期 / 答复
    date        TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    created_by  INTEGER REFERENCES people(id) ON DELETE SET NULL,
    actor_name  TEXT NOT NULL DEFAULT ''
);

CREATE INDEX disclosure_requests_received ON disclosure_requests(received);
CREATE INDEX disclosure_events_request ON disclosure_events(request_id, id);
