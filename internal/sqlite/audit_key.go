package sqlite

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"policydesk/internal/core"
)

// AuditKeyFile is the key the audit entries are signed with (HMAC-SHA256). Like the mail secret's key it
// lives in the data directory beside the database, readable by the owner only, and never in the database or
// its backups: whoever edits the database file cannot re-sign the entries they changed.
const AuditKeyFile = "audit.key"

// AuditHeadFile records the newest audit entry (its id and hash, signed with the audit key) outside the
// database, so deleting the last entries, wiping the log or rewriting it is detected.
const AuditHeadFile = "audit-head.json"

// auditKeySize is the audit key's length: HMAC-SHA256 with a 256-bit key.
const auditKeySize = 32

func (db *DB) auditKeyPath() string  { return filepath.Join(db.dataDir(), AuditKeyFile) }
func (db *DB) auditHeadPath() string { return filepath.Join(db.dataDir(), AuditHeadFile) }

// dataDir is the folder of the audit key and head files: DataDir, or the SQLite file's folder.
func (db *DB) dataDir() string {
	if db.DataDir != "" {
		return db.DataDir
	}
	return filepath.Dir(db.Path)
}

// auditKey reads (and caches) the audit key; create makes one when there is none yet — only allowed while
// no entry is signed, since a new key cannot verify entries signed with a lost one.
func (db *DB) auditKey(create bool) ([]byte, error) {
	db.auditMu.Lock()
	defer db.auditMu.Unlock()
	if db.auditKeyVal != nil {
		return db.auditKeyVal, nil
	}
	path := db.auditKeyPath()
	key, err := os.ReadFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist) && create:
		if key, err = core.CreateKeyFile(path, auditKeySize); err != nil {
			return nil, fmt.Errorf("创建审计密钥文件失败：%w", err)
		}
	case errors.Is(err, fs.ErrNotExist):
		return nil, core.Errorf(core.EINVALID, "审计密钥文件 %s 不存在，已签名的审计记录无法验证，也不能再追加记录；请把原数据目录中的 %s 放回 %s", AuditKeyFile, AuditKeyFile, filepath.Dir(path))
	case err != nil:
		return nil, fmt.Errorf("读取审计密钥文件 %s 失败：%w", path, err)
	case len(key) != auditKeySize:
		return nil, core.Errorf(core.EINVALID, "审计密钥文件 %s 已损坏(长度不对)，请从原数据目录恢复该文件", AuditKeyFile)
	}
	db.auditKeyVal = key
	return key, nil
}

// auditHead is the checkpoint of the chain's newest entry. While a transaction that appends entries commits,
// the file also names the entry it will end with (Pending*): a crash between the commit and the next write of
// the file leaves the database one transaction ahead of the head, which is the one gap that is accepted.
type auditHead struct {
	ID          int64  `json:"id"`
	Hash        string `json:"hash"`
	PendingID   int64  `json:"pendingId,omitempty"`
	PendingHash string `json:"pendingHash,omitempty"`
	MAC         string `json:"mac"`
}

func auditHeadMAC(key []byte, h auditHead) string {
	m := hmac.New(sha256.New, key)
	fmt.Fprintf(m, "policydesk-audit-head;%d;%s;%d;%s;", h.ID, h.Hash, h.PendingID, h.PendingHash)
	return hex.EncodeToString(m.Sum(nil))
}

// writeAuditHeadPending records, before a transaction commits, that the chain will move from before to next.
// The caller holds the database's write lock, so no other transaction is between the two.
func (db *DB) writeAuditHeadPending(before, next auditHead) error {
	db.auditMu.Lock()
	defer db.auditMu.Unlock()
	db.auditHead = auditHead{ID: before.ID, Hash: before.Hash, PendingID: next.ID, PendingHash: next.Hash}
	return db.storeAuditHeadLocked()
}

// writeAuditHead records h as the chain's head after its transaction committed, unless a newer head is
// already recorded (two transactions committing one after the other may reach this point in the other order);
// a later transaction's pending head is kept.
func (db *DB) writeAuditHead(h auditHead) error {
	db.auditMu.Lock()
	defer db.auditMu.Unlock()
	if h.ID < db.auditHead.ID {
		return nil
	}
	next := auditHead{ID: h.ID, Hash: h.Hash}
	if db.auditHead.PendingID > h.ID {
		next.PendingID, next.PendingHash = db.auditHead.PendingID, db.auditHead.PendingHash
	}
	db.auditHead = next
	return db.storeAuditHeadLocked()
}

func (db *DB) storeAuditHeadLocked() error {
	key := db.auditKeyVal
	if key == nil {
		return core.Errorf(core.EINVALID, "审计密钥未读取，无法记录审计链头")
	}
	h := db.auditHead
	h.MAC = auditHeadMAC(key, h)
	data, err := json.Marshal(h)
	if err != nil {
		return err
	}
	if err := core.WriteDataAtomic(db.auditHeadPath(), data); err != nil {
		return fmt.Errorf("写入审计链头文件失败：%w", err)
	}
	return nil
}

// readAuditHead reads and authenticates the head file; nil when there is none.
func (db *DB) readAuditHead() (*auditHead, error) {
	data, err := os.ReadFile(db.auditHeadPath())
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	} else if err != nil {
		return nil, fmt.Errorf("读取审计链头文件失败：%w", err)
	}
	var h auditHead
	if err := json.Unmarshal(data, &h); err != nil {
		return nil, core.Errorf(core.EINVALID, "审计链头文件 %s 已损坏，无法确认日志末尾是否完整", AuditHeadFile)
	}
	key, err := db.auditKey(false)
	if err != nil {
		return nil, err
	}
	if !hmac.Equal([]byte(auditHeadMAC(key, h)), []byte(h.MAC)) {
		return nil, core.Errorf(core.EINVALID, "审计链头文件 %s 的签名无效(文件被改写，或审计密钥 %s 被替换)", AuditHeadFile, AuditKeyFile)
	}
	return &h, nil
}

// resetAuditHead checkpoints the newest entry of the database as it is now (after a restore replaced it).
func (db *DB) resetAuditHead() error {
	var h auditHead
	err := db.db.QueryRow(`SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1`).Scan(&h.ID, &h.Hash)
	if err != nil {
		if errors.Is(err, errNoRows) {
			os.Remove(db.auditHeadPath())
			return nil
		}
		return err
	}
	if scheme, _ := auditScheme(h.Hash); scheme != auditSchemeKeyed {
		os.Remove(db.auditHeadPath())
		return nil // an unsigned log: nothing to checkpoint until its first signed entry
	}
	if _, err := db.auditKey(false); err != nil {
		return err
	}
	db.auditMu.Lock()
	defer db.auditMu.Unlock()
	db.auditHead = h
	return db.storeAuditHeadLocked()
}

// errMessage is the user-facing text of an error.
func errMessage(err error) string {
	var ce *core.Error
	if errors.As(err, &ce) {
		return ce.Message
	}
	return err.Error()
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
