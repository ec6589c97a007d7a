-- The 分管领导 of a section, for sign-off steps signed by "起草科室分管领导".
ALTER TABLE sections ADD COLUMN leader_id INTEGER REFERENCES people(id) ON DELETE SET NULL;

-- How each step of a round was assigned (the configured rule), for the 审签单.
ALTER TABLE approvals ADD COLUMN signer_rule TEXT NOT NULL DEFAULT '';

-- A clock stop is a request until its named approver decides: the clock stops only from the approval.
ALTER TABLE messages ADD COLUMN stop_request_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE messages ADD COLUMN stop_request_by INTEGER REFERENCES people(id) ON DELETE SET NULL;
ALTER TABLE messages ADD COLUMN stop_request_approver INTEGER REFERENCES people(id) ON DELETE SET NULL;
ALTER TABLE messages ADD COLUMN stop_requested_at TEXT NOT NULL DEFAULT '';
