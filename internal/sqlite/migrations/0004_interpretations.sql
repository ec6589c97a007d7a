-- 政策解读: what sign-off, the pre-publication check and the 三同步 panel need beyond 0001.
-- A finding's severity decides whether it may be acknowledged (密级标志 block, personal data warn); its label
-- keeps the Chinese name as shown when it was recorded; resolved_at dates the fix or the acknowledgement.
ALTER TABLE prepub_findings ADD COLUMN severity TEXT NOT NULL DEFAULT 'warn';
ALTER TABLE prepub_findings ADD COLUMN label TEXT NOT NULL DEFAULT '';
ALTER TABLE prepub_findings ADD COLUMN context TEXT NOT NULL DEFAULT '';
ALTER TABLE prepub_findings ADD COLUMN resolved_at TEXT;

CREATE INDEX prepub_findings_subject ON prepub_findings(subject_type, subject_id, kind, match_text);
CREATE INDEX approvals_round ON approvals(subject_type, subject_id, round, step_order);
CREATE INDEX interpretations_status ON interpretations(status);
CREATE INDEX exemptions_rule ON exemptions(subject_type, subject_id, rule);
