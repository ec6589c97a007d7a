-- 依申请公开 handling: suspensions of the count and the answer draft under sign-off.
-- 依申请公开: the times the answer period does not count — a third party consulted (条例第三十二条, 15 working
-- days for its opinion) and a fee notice waiting for payment (国办函〔2020〕109号).
CREATE TABLE disclosure_pauses (
    id          INTEGER PRIMARY KEY,
    request_id  INTEGER NOT NULL REFERENCES disclosure_requests(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL,                 -- 第三方 / 收费
    party       TEXT NOT NULL DEFAULT '',      -- the third party consulted
    started     TEXT NOT NULL,                 -- 征询函、收费通知书发出之日
    due         TEXT NOT NULL,                 -- 第三方意见期限 / 缴费期限
    ended       TEXT NOT NULL DEFAULT '',      -- 收到第三方意见、缴费之日; '' while waiting
    result      TEXT NOT NULL DEFAULT '',      -- 同意公开 / 不同意公开 / 已缴费
    fee_basis   TEXT NOT NULL DEFAULT '',      -- 按件 / 按量
    fee_count   INTEGER NOT NULL DEFAULT 0,
    fee_before  INTEGER NOT NULL DEFAULT 0,
    fee_amount  INTEGER NOT NULL DEFAULT 0,    -- yuan
    note        TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    created_by  INTEGER REFERENCES people(id) ON DELETE SET NULL,
    updated_at  TEXT NOT NULL,
    updated_by  INTEGER REFERENCES people(id) ON DELETE SET NULL
);
CREATE INDEX disclosure_pauses_request ON disclosure_pauses(request_id, id);

-- The answer is drafted (答复类型 and 答复要点) and goes through the configured sign-off before it is sent;
-- draft_signed is the draft as submitted, so a change after the round needs a new one.
ALTER TABLE disclosure_requests ADD COLUMN draft_outcome INTEGER NOT NULL DEFAULT -1;
ALTER TABLE disclosure_requests ADD COLUMN draft_text TEXT NOT NULL DEFAULT '';
ALTER TABLE disclosure_requests ADD COLUMN draft_by INTEGER REFERENCES people(id) ON DELETE SET NULL;
ALTER TABLE disclosure_requests ADD COLUMN draft_signed TEXT NOT NULL DEFAULT '';

-- The year's 政府信息公开工作年度报告 as the office completes it: table 二's figures the records do not hold
-- (第二十条第（五）（六）（八）项) with their source, the 总体情况 as edited, and when and where it was published.
CREATE TABLE annual_reports (
    year            INTEGER PRIMARY KEY,
    licensing       TEXT NOT NULL DEFAULT '',   -- 行政许可 本年处理决定数量; '' not yet entered
    penalty         TEXT NOT NULL DEFAULT '',   -- 行政处罚
    enforcement     TEXT NOT NULL DEFAULT '',   -- 行政强制
    fees_wan        TEXT NOT NULL DEFAULT '',   -- 行政事业性收费 本年收费金额（万元）
    source          TEXT NOT NULL DEFAULT '',   -- where those figures come from
    overview        TEXT NOT NULL DEFAULT '',   -- 一、总体情况 as edited; '' keeps the draft
    published_date  TEXT NOT NULL DEFAULT '',
    published_url   TEXT NOT NULL DEFAULT '',
    updated_at      TEXT NOT NULL,
    updated_by      INTEGER REFERENCES people(id) ON DELETE SET NULL
);
