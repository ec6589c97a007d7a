-- 行政复议 and 行政诉讼 brought over an answer to an application, for table 四 of the annual report.
CREATE TABLE disclosure_remedies (
    id          INTEGER PRIMARY KEY,
    request_id  INTEGER NOT NULL REFERENCES disclosure_requests(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL,                    -- 行政复议 / 未经复议直接起诉 / 复议后起诉
    filed       TEXT NOT NULL,                    -- 申请复议或起诉之日
    forum       TEXT NOT NULL DEFAULT '',         -- 复议机关或人民法院
    result      TEXT NOT NULL DEFAULT '尚未审结', -- 结果维持 / 结果纠正 / 其他结果 / 尚未审结
    decided     TEXT NOT NULL DEFAULT '',         -- 复议决定或裁判之日
    note        TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    created_by  INTEGER REFERENCES people(id) ON DELETE SET NULL,
    updated_at  TEXT NOT NULL,
    updated_by  INTEGER REFERENCES people(id) ON DELETE SET NULL
);
CREATE INDEX disclosure_remedies_request ON disclosure_remedies(request_id);
CREATE INDEX disclosure_remedies_filed ON disclosure_remedies(filed);
