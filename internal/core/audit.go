package core

// AuditEntry is one line of the append-only audit trail.
type AuditEntry struct {
	ID         int64  `json:"id"`
	At         string `json:"at"`
	PersonID   int64  `json:"personId"`
	PersonName string `json:"personName"`
	Action     string `json:"action"` // create / update / delete / state / sign / publish / import
	Entity     string `json:"entity"`
	EntityID   string `json:"entityId"`
	Summary    string `json:"summary"`
	Changes    string `json:"changes"` // JSON {field: [old, new]}
	PrevHash   string `json:"prevHash"`
	Hash       string `json:"hash"`
	ClientAddr string `json:"clientAddr"` // remote address of the call, "" on the desk itself or before team mode
	ClientKind string `json:"clientKind"` // desktop / browser / system, "" before team mode
}

// AuditFilter selects audit entries. From and To are dates (2006-01-02), inclusive.
type AuditFilter struct {
	PersonName string `json:"personName"`
	Entity     string `json:"entity"`
	EntityID   string `json:"entityId"`
	From       string `json:"from"`
	To         string `json:"to"`
	Limit      int    `json:"limit"`
	Offset     int    `json:"offset"`
}

// AuditPage is one page of audit entries.
type AuditPage struct {
	Total   int          `json:"total"`
	Entries []AuditEntry `json:"entries"`
}

// AuditCheck is the result of verifying the hash chain.
type AuditCheck struct {
	OK            bool   `json:"ok"`
	Entries       int    `json:"entries"`
	FirstBrokenID int64  `json:"firstBrokenId"`
	Problem       string `json:"problem"`
}

// BackupInfo describes one backup file in the data directory's backups/ folder.
type BackupInfo struct {
	Name          string `json:"name"`
	Path          string `json:"path"`
	Size          int64  `json:"size"`
	CreatedAt     string `json:"createdAt"`
	Reason        string `json:"reason"`      // daily / manual / before-migrate / before-restore
	ReasonLabel   string `json:"reasonLabel"` // 每日自动备份 …
	SchemaVersion int    `json:"schemaVersion"`
}

// RestoreResult tells what a restore did: which backup was restored, and where the replaced data was kept.
type RestoreResult struct {
	Restored   BackupInfo `json:"restored"`
	SafetyCopy BackupInfo `json:"safetyCopy"`
}
