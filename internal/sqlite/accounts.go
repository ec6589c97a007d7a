package sqlite

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"encoding/hex"
	"strings"
	"time"

	"policydesk/internal/core"
)

const accountCols = `a.person_id, a.login, p.name, p.role, COALESCE(s.name, ''), a.admin, a.disabled,
	COALESCE(a.locked_until, ''), COALESCE(a.last_login_at, ''), a.must_change, a.version`

const accountFrom = ` FROM accounts a JOIN people p ON p.id = a.person_id LEFT JOIN sections s ON s.id = p.section_id`

func scanAccount(row interface{ Scan(...any) error }) (core.Account, error) {
	var a core.Account
	err := row.Scan(&a.PersonID, &a.Login, &a.Name, &a.Role, &a.SectionName, &a.Admin, &a.Disabled, &a.LockedUntil,
		&a.LastLoginAt, &a.MustChangePassword, &a.Version)
	return a, err
}

// accountRow is an account with the facts the sign-in rules need.
type accountRow struct {
	core.Account
	hash  string
	state core.LoginState
}

func (tx *Tx) findAccount(ctx context.Context, where string, arg any) (accountRow, error) {
	var r accountRow
	var locked string
	err := tx.QueryRowContext(ctx, `SELECT `+accountCols+`, a.password_hash, a.failed_count, COALESCE(a.locked_until, '')`+
		accountFrom+` WHERE `+where, arg).Scan(&r.PersonID, &r.Login, &r.Name, &r.Role, &r.SectionName, &r.Admin,
		&r.Disabled, &r.LockedUntil, &r.LastLoginAt, &r.MustChangePassword, &r.Version, &r.hash, &r.state.FailedCount, &locked)
	if err != nil {
		return r, notFound(err, "该人员还没有登录账号")
	}
	r.state.Disabled, r.state.MustChange = r.Disabled, r.MustChangePassword
	if locked != "" {
		r.state.LockedUntil, _ = time.ParseInLocation(TimeLayout, locked, core.Shanghai)
	}
	return r, nil
}

// commitAccount commits tx and returns the person's account as it now stands.
func (tx *Tx) commitAccount(ctx context.Context, personID int64) (core.Account, error) {
	r, err := tx.findAccount(ctx, "a.person_id = ?", personID)
	if err != nil {
		return core.Account{}, err
	}
	return r.Account, tx.Commit()
}

// writeState stores the sign-in state of an account and bumps its version.
func (tx *Tx) writeState(ctx context.Context, personID int64, s core.LoginState) error {
	locked := ""
	if !s.LockedUntil.IsZero() {
		locked = s.LockedUntil.In(core.Shanghai).Format(TimeLayout)
	}
	_, err := tx.ExecContext(ctx, `UPDATE accounts SET failed_count = ?, locked_until = ?, must_change = ?, disabled = ?,
		updated_at = ?, version = version + 1 WHERE person_id = ?`,
		s.FailedCount, nullString(locked), s.MustChange, s.Disabled, tx.Stamp(), personID)
	return err
}

// requireAccountAdmin refuses account management to anybody but an account administrator (or 系统: the CLI).
func (tx *Tx) requireAccountAdmin(ctx context.Context) error {
	var admin bool
	if tx.actor.PersonID != 0 {
		err := tx.QueryRowContext(ctx, `SELECT admin FROM accounts WHERE person_id = ? AND disabled = 0`, tx.actor.PersonID).Scan(&admin)
		if err != nil && err != sql.ErrNoRows {
			return err
		}
	}
	return tx.db.rules.Accounts.CheckManager(tx.actor, admin)
}

// adminTx begins a transaction of account management, refused (and rolled back) unless the actor is an account
// administrator.
func (db *DB) adminTx(ctx context.Context, opts *sql.TxOptions) (*Tx, error) {
	tx, err := db.BeginTx(ctx, opts)
	if err != nil {
		return nil, err
	}
	if err := tx.requireAccountAdmin(ctx); err != nil {
		tx.Rollback()
		return nil, err
	}
	return tx, nil
}

// openAccount opens a transaction with begin (BeginTx, or adminTx for an administrator's change) and loads
// personID's account in it; on an error the transaction is already rolled back.
func (db *DB) openAccount(ctx context.Context, begin func(context.Context, *sql.TxOptions) (*Tx, error), personID int64) (*Tx, accountRow, error) {
	tx, err := begin(ctx, nil)
	if err != nil {
		return nil, accountRow{}, err
	}
	r, err := tx.findAccount(ctx, "a.person_id = ?", personID)
	if err != nil {
		tx.Rollback()
		return nil, accountRow{}, err
	}
	return tx, r, nil
}

// HasAccounts reports how many active accounts exist: a desk with more than one asks who signs in.
func (db *DB) HasAccounts(ctx context.Context) (int, error) {
	var n int
	err := db.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM accounts WHERE disabled = 0`).Scan(&n)
	return n, err
}

// Accounts lists every account, by section and name.
func (db *DB) Accounts(ctx context.Context) ([]core.Account, error) {
	tx, err := db.adminTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	return queryAll(ctx, tx, scanAccount, `SELECT `+accountCols+accountFrom+` ORDER BY COALESCE(s.sort_order, 1e9), p.name`)
}

// Account returns one person's account.
func (db *DB) Account(ctx context.Context, personID int64) (core.Account, error) {
	return inRead(ctx, db, func(tx *Tx) (core.Account, error) {
		r, err := tx.findAccount(ctx, "a.person_id = ?", personID)
		return r.Account, err
	})
}

// CreateAccount gives a person a sign-in. An account created by an administrator must change its password at the
// first sign-in; one created from the command line (系统) need not.
func (db *DB) CreateAccount(ctx context.Context, personID int64, login, password string, admin bool) (core.Account, error) {
	login, err := db.rules.Accounts.CheckLogin(login)
	if err != nil {
		return core.Account{}, err
	}
	if err := db.rules.Accounts.CheckPassword(login, password); err != nil {
		return core.Account{}, err
	}
	hash, err := db.rules.Accounts.Hash(password)
	if err != nil {
		return core.Account{}, err
	}
	tx, err := db.adminTx(ctx, nil)
	if err != nil {
		return core.Account{}, err
	}
	defer tx.Rollback()
	p, err := findPerson(ctx, tx, personID)
	if err != nil {
		return core.Account{}, err
	}
	if err := db.rules.Accounts.CheckHolder(p); err != nil {
		return core.Account{}, err
	}
	mustChange := tx.actor.PersonID != 0 && tx.actor.PersonID != personID
	_, err = tx.ExecContext(ctx, `INSERT INTO accounts (person_id, login, password_hash, admin, must_change, password_changed_at,
		created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, personID, login, hash, admin, mustChange, tx.Stamp(), tx.Stamp(), tx.Stamp())
	if isUniqueViolation(err) {
		var other string
		if tx.QueryRowContext(ctx, `SELECT p.name FROM accounts a JOIN people p ON p.id = a.person_id WHERE a.person_id = ?`, personID).Scan(&other) == nil {
			return core.Account{}, core.Errorf(core.ECONFLICT, "“%s”已经有登录账号，可重置其密码", p.Name)
		}
		return core.Account{}, core.FieldErrorf(core.ECONFLICT, "login", "账号“%s”已被使用，请换一个", login)
	} else if err != nil {
		return core.Account{}, err
	}
	if err := tx.audit("create", "account", personID, "为 "+p.Name+" 开设登录账号 "+login,
		[]Change{{Field: "login", New: login}, {Field: "admin", Old: nil, New: admin}}); err != nil {
		return core.Account{}, err
	}
	return tx.commitAccount(ctx, personID)
}

// Authenticate checks a login and password. A wrong password is counted (and audited) even though the call fails;
// the fifth in a row locks the account for 15 minutes. It never tells whether the login exists.
func (db *DB) Authenticate(ctx context.Context, login, password string) (core.Account, error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return core.Account{}, err
	}
	defer tx.Rollback()
	r, err := tx.findAccount(ctx, "a.login = ?", strings.TrimSpace(login))
	if core.ErrorCode(err) == core.ENOTFOUND {
		db.rules.Accounts.Verify(db.dummyHash(), password)
		if err := tx.audit("login_failed", "account", strings.TrimSpace(login), "登录失败：账号不存在", nil); err != nil {
			return core.Account{}, err
		}
		if err := tx.Commit(); err != nil {
			return core.Account{}, err
		}
		return core.Account{}, db.rules.Accounts.FailureMessage(core.LoginState{}, false)
	} else if err != nil {
		return core.Account{}, err
	}
	now := tx.Now()
	if err := db.rules.Accounts.CanTry(r.state, now); err != nil {
		return core.Account{}, err
	}
	if !db.rules.Accounts.Verify(r.hash, password) {
		s, locked := db.rules.Accounts.Failed(r.state, now)
		if err := tx.writeState(ctx, r.PersonID, s); err != nil {
			return core.Account{}, err
		}
		summary := "登录失败：密码错误(" + r.Login + ")"
		action := "login_failed"
		if locked {
			summary, action = "密码连续输错，账号 "+r.Login+" 锁定15分钟", "lockout"
		}
		if err := tx.auditAs(r.Account, action, "account", r.PersonID, summary, []Change{{Field: "failedCount", Old: r.state.FailedCount, New: s.FailedCount}}); err != nil {
			return core.Account{}, err
		}
		if err := tx.Commit(); err != nil {
			return core.Account{}, err
		}
		return core.Account{}, db.rules.Accounts.FailureMessage(s, locked)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE accounts SET failed_count = 0, locked_until = NULL, last_login_at = ? WHERE person_id = ?`,
		tx.Stamp(), r.PersonID); err != nil {
		return core.Account{}, err
	}
	if db.rules.Accounts.NeedsRehash(r.hash) {
		if h, err := db.rules.Accounts.Hash(password); err == nil {
			if _, err := tx.ExecContext(ctx, `UPDATE accounts SET password_hash = ? WHERE person_id = ?`, h, r.PersonID); err != nil {
				return core.Account{}, err
			}
		}
	}
	if err := tx.auditAs(r.Account, "login", "account", r.PersonID, r.Name+" 登录", nil); err != nil {
		return core.Account{}, err
	}
	return tx.commitAccount(ctx, r.PersonID)
}

// auditAs writes an audit entry on behalf of the account's person (a sign-in happens before anybody is signed in).
func (tx *Tx) auditAs(a core.Account, action, entity string, entityID any, summary string, changes []Change) error {
	saved := tx.actor
	tx.actor = core.CurrentUser{PersonID: a.PersonID, Name: a.Name, Role: a.Role, Set: true}
	defer func() { tx.actor = saved }()
	return tx.audit(action, entity, entityID, summary, changes)
}

// VerifyPassword checks the signed-in person's own password (电子签名确认) without counting it as a sign-in.
// Wrong passwords count towards the lockout like wrong sign-ins.
func (db *DB) VerifyPassword(ctx context.Context, personID int64, password string) error {
	tx, r, err := db.openAccount(ctx, db.BeginTx, personID)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := db.rules.Accounts.CanTry(r.state, tx.Now()); err != nil {
		return err
	}
	if db.rules.Accounts.Verify(r.hash, password) {
		return nil
	}
	s, locked := db.rules.Accounts.Failed(r.state, tx.Now())
	if err := tx.writeState(ctx, personID, s); err != nil {
		return err
	}
	action := "confirm_failed"
	if locked {
		action = "lockout"
	}
	if err := tx.auditAs(r.Account, action, "account", personID, "电子签名确认密码错误", nil); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	return db.rules.Accounts.ConfirmFailure(s, locked)
}

// ChangePassword sets a new password after checking the old one; it clears a pending forced change
// and ends the person's other server sessions.
func (db *DB) ChangePassword(ctx context.Context, personID int64, oldPassword, newPassword string) (core.Account, error) {
	tx, r, err := db.openAccount(ctx, db.BeginTx, personID)
	if err != nil {
		return core.Account{}, err
	}
	defer tx.Rollback()
	if err := db.rules.Accounts.CheckChange(r.Login, db.rules.Accounts.Verify(r.hash, oldPassword), oldPassword, newPassword); err != nil {
		return core.Account{}, err
	}
	h, err := db.rules.Accounts.Hash(newPassword)
	if err != nil {
		return core.Account{}, err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE accounts SET password_hash = ?, must_change = 0, password_changed_at = ?, updated_at = ?,
		version = version + 1 WHERE person_id = ?`, h, tx.Stamp(), tx.Stamp(), personID); err != nil {
		return core.Account{}, err
	}
	if err := tx.auditAs(r.Account, "password", "account", personID, r.Name+" 修改登录密码", nil); err != nil {
		return core.Account{}, err
	}
	return tx.commitAccount(ctx, personID)
}

// ResetPassword is an administrator setting a new password: the account unlocks, its sessions end, and the person
// must choose their own password at the next sign-in.
func (db *DB) ResetPassword(ctx context.Context, personID int64, newPassword string) (core.Account, error) {
	return db.changeAccount(ctx, personID, true, func(tx *Tx, r accountRow) (string, []Change, error) {
		if err := db.rules.Accounts.CheckPassword(r.Login, newPassword); err != nil {
			return "", nil, err
		}
		h, err := db.rules.Accounts.Hash(newPassword)
		if err != nil {
			return "", nil, err
		}
		s := db.rules.Accounts.Reset(r.state)
		if tx.actor.PersonID == 0 || tx.actor.PersonID == personID {
			s.MustChange = false // set from the command line or for oneself: no forced change
		}
		if _, err := tx.ExecContext(ctx, `UPDATE accounts SET password_hash = ?, password_changed_at = ? WHERE person_id = ?`,
			h, tx.Stamp(), personID); err != nil {
			return "", nil, err
		}
		return "重置 " + r.Name + " 的登录密码", []Change{{Field: "mustChange", Old: r.MustChangePassword, New: s.MustChange}}, tx.writeState(ctx, personID, s)
	})
}

// SetAccountDisabled stops (or restores) a person's sign-in; stopping ends their sessions.
func (db *DB) SetAccountDisabled(ctx context.Context, personID int64, disabled bool) (core.Account, error) {
	return db.changeAccount(ctx, personID, disabled, func(tx *Tx, r accountRow) (string, []Change, error) {
		if err := db.rules.Accounts.CheckDisable(tx.actor, personID, disabled); err != nil {
			return "", nil, err
		}
		s := r.state
		s.Disabled = disabled
		verb := "启用"
		if disabled {
			verb = "停用"
		}
		return verb + " " + r.Name + " 的登录账号", []Change{{Field: "disabled", Old: r.Disabled, New: disabled}}, tx.writeState(ctx, personID, s)
	})
}

// UnlockAccount lifts a lockout before its 15 minutes run out.
func (db *DB) UnlockAccount(ctx context.Context, personID int64) (core.Account, error) {
	return db.changeAccount(ctx, personID, false, func(tx *Tx, r accountRow) (string, []Change, error) {
		s := db.rules.Accounts.Succeeded(r.state)
		return "解锁 " + r.Name + " 的登录账号", []Change{{Field: "lockedUntil", Old: r.LockedUntil, New: ""}}, tx.writeState(ctx, personID, s)
	})
}

// SetAccountAdmin grants or withdraws account administration.
func (db *DB) SetAccountAdmin(ctx context.Context, personID int64, admin bool) (core.Account, error) {
	return db.changeAccount(ctx, personID, false, func(tx *Tx, r accountRow) (string, []Change, error) {
		if err := db.rules.Accounts.CheckAdminChange(tx.actor, personID, admin); err != nil {
			return "", nil, err
		}
		_, err := tx.ExecContext(ctx, `UPDATE accounts SET admin = ?, updated_at = ?, version = version + 1 WHERE person_id = ?`,
			admin, tx.Stamp(), personID)
		return "设置 " + r.Name + " 的账号管理权限", []Change{{Field: "admin", Old: r.Admin, New: admin}}, err
	})
}

// changeAccount runs one administrator's change to an account: permission, change, session end, audit, commit.
// endSessions signs the person out everywhere (a reset or a disabled account).
func (db *DB) changeAccount(ctx context.Context, personID int64, endSessions bool, change func(*Tx, accountRow) (string, []Change, error)) (core.Account, error) {
	tx, r, err := db.openAccount(ctx, db.adminTx, personID)
	if err != nil {
		return core.Account{}, err
	}
	defer tx.Rollback()
	summary, changes, err := change(tx, r)
	if err != nil {
		return core.Account{}, err
	}
	if endSessions {
		if _, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE person_id = ?`, personID); err != nil {
			return core.Account{}, err
		}
	}
	if err := tx.audit("update", "account", personID, summary, changes); err != nil {
		return core.Account{}, err
	}
	return tx.commitAccount(ctx, personID)
}

// ServerSession is a stored server session.
type ServerSession struct {
	PersonID    int64
	CSRFToken   string
	CreatedAt   time.Time
	LastSeenAt  time.Time
	ConfirmedAt string // RFC 3339 or ""
	ClientAddr  string
	ClientKind  string
}

func randomToken() (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

func tokenHash(token string) string {
	h := sha256.Sum256([]byte(token))
	return hex.EncodeToString(h[:])
}

// CreateSession opens a server session for a person who just signed in: a fresh random id every time
// (no session fixation) and a CSRF token. Only the id's hash is stored.
func (db *DB) CreateSession(ctx context.Context, personID int64, clientAddr, clientKind string) (token string, s ServerSession, err error) {
	if token, err = randomToken(); err != nil {
		return "", s, err
	}
	csrf, err := randomToken()
	if err != nil {
		return "", s, err
	}
	now := db.Clock.Now().In(core.Shanghai)
	s = ServerSession{PersonID: personID, CSRFToken: csrf, CreatedAt: now, LastSeenAt: now, ClientAddr: clientAddr, ClientKind: clientKind}
	_, err = db.exec(ctx, `INSERT INTO sessions (id_hash, person_id, csrf_token, created_at, last_seen_at, client_addr, client_kind)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, tokenHash(token), personID, csrf, now.Format(TimeLayout), now.Format(TimeLayout), clientAddr, clientKind)
	return token, s, err
}

// Session finds a live session and marks it seen; a session idle longer than idle has ended (ENOTAUTH),
// as has one whose account was disabled.
func (db *DB) Session(ctx context.Context, token string, idle time.Duration) (ServerSession, error) {
	var s ServerSession
	var created, seen, confirmed string
	var disabled bool
	err := db.db.QueryRowContext(ctx, `SELECT s.person_id, s.csrf_token, s.created_at, s.last_seen_at, COALESCE(s.confirmed_at, ''),
		s.client_addr, s.client_kind, COALESCE(a.disabled, 1) FROM sessions s LEFT JOIN accounts a ON a.person_id = s.person_id
		WHERE s.id_hash = ?`, tokenHash(token)).Scan(&s.PersonID, &s.CSRFToken, &created, &seen, &confirmed, &s.ClientAddr, &s.ClientKind, &disabled)
	if err == sql.ErrNoRows {
		return s, core.Errorf(core.ENOTAUTH, "请先登录")
	} else if err != nil {
		return s, err
	}
	now := db.Clock.Now().In(core.Shanghai)
	s.CreatedAt, _ = time.ParseInLocation(TimeLayout, created, core.Shanghai)
	s.LastSeenAt, _ = time.ParseInLocation(TimeLayout, seen, core.Shanghai)
	s.ConfirmedAt = confirmed
	if disabled || now.Sub(s.LastSeenAt) > idle {
		db.exec(ctx, `DELETE FROM sessions WHERE id_hash = ?`, tokenHash(token))
		return ServerSession{}, core.Errorf(core.ENOTAUTH, "登录已过期，请重新登录")
	}
	if now.Sub(s.LastSeenAt) > time.Minute { // write at most once a minute per session
		if _, err := db.exec(ctx, `UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?`, now.Format(TimeLayout), tokenHash(token)); err != nil {
			return s, err
		}
		s.LastSeenAt = now
	}
	return s, nil
}

// ConfirmSession records a password confirmation on a session and returns its time (RFC 3339).
func (db *DB) ConfirmSession(ctx context.Context, token string) (string, error) {
	at := db.Clock.Now().In(core.Shanghai).Format(time.RFC3339)
	_, err := db.exec(ctx, `UPDATE sessions SET confirmed_at = ? WHERE id_hash = ?`, at, tokenHash(token))
	return at, err
}

// EndSession signs a session out.
func (db *DB) EndSession(ctx context.Context, token string) error {
	_, err := db.exec(ctx, `DELETE FROM sessions WHERE id_hash = ?`, tokenHash(token))
	return err
}

// EndSessionsOf signs a person out everywhere except the session keep (e.g. after a password change).
func (db *DB) EndSessionsOf(ctx context.Context, personID int64, keep string) error {
	_, err := db.exec(ctx, `DELETE FROM sessions WHERE person_id = ? AND id_hash <> ?`, personID, tokenHash(keep))
	return err
}

// keepKind marks the session behind a desk's 在本机保持登录.
const keepKind = "desk-keep"

// KeepIdle is how long a kept desk sign-in lasts without use.
const KeepIdle = 30 * 24 * time.Hour

// KeepSignIn issues the token a single-person desk keeps in its data directory instead of a password.
func (db *DB) KeepSignIn(ctx context.Context, personID int64) (string, error) {
	token, _, err := db.CreateSession(ctx, personID, "", keepKind)
	return token, err
}

// KeptSignIn returns the account a kept token signs in, or ENOTAUTH when it expired, was revoked or the account
// was disabled or reset.
func (db *DB) KeptSignIn(ctx context.Context, token string) (core.Account, error) {
	s, err := db.Session(ctx, token, KeepIdle)
	if err != nil {
		return core.Account{}, err
	}
	if s.ClientKind != keepKind {
		return core.Account{}, core.Errorf(core.ENOTAUTH, "请先登录")
	}
	return db.Account(core.WithActor(ctx, core.System), s.PersonID)
}

// AccountByLogin returns the account with a login (case-insensitive).
func (db *DB) AccountByLogin(ctx context.Context, login string) (core.Account, error) {
	tx, err := db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return core.Account{}, err
	}
	defer tx.Rollback()
	r, err := tx.findAccount(ctx, "a.login = ?", strings.TrimSpace(login))
	if core.ErrorCode(err) == core.ENOTFOUND {
		return core.Account{}, core.Errorf(core.ENOTFOUND, "账号“%s”不存在", login)
	}
	return r.Account, err
}

// dummyHash is verified against when a login does not exist, so that a wrong login takes as long as a wrong
// password.
func (db *DB) dummyHash() string {
	db.dummyOnce.Do(func() { db.dummy, _ = db.rules.Accounts.Hash("Unused-Password-1") })
	return db.dummy
}
