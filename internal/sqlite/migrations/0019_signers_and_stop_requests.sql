-- The 分管领导 of a section, for sign-off steps signed by "起草科室分管领导".
ALTER TABLE sections ADD COLUMN leader_id INTEGER REFERENCES people(id) ON DELETE SET NULL;

-- The 意见采纳情况说明 as submitted for sign-off: a report regenerated afterwards (a decision changed) differs
-- from what was signed and must be signed again before it is published.
ALTER TABLE consultations ADD COLUMN report_signed_body TEXT NOT NULL DEFAULT '';

-- How each step of a round was assigned (the configured rule), for the 审签单.
ALTER TABLE approvals ADD COLUMN signer_rule TEXT NOT NULL DEFAULT '';

-- A clock stop is a request until its named approver decides: the clock stops only from the approval.
ALTER TABLE messages ADD COLUMN stop_request_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE messages ADD COLUMN stop_request_by INTEGER REFERENCES people(id) ON DELETE SET NULL;
ALTER TABLE messages ADD COLUMN stop_request_approver INTEGER REFERENCES people(id) ON DELETE SET NULL;
ALTER TABLE messages ADD COLUMN stop_requested_at TEXT NOT NULL DEFAULT '';
