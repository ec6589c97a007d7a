-- 征求意见: indexes for the ledger views (undecided comments, a consultation's history and groups).
CREATE INDEX comments_decision ON comments(consultation_id, decision);
CREATE INDEX consultation_notices_consultation ON consultation_notices(consultation_id);
CREATE INDEX comment_groups_consultation ON comment_groups(consultation_id);
CREATE INDEX policy_versions_kind ON policy_versions(policy_id, kind);
