package core

import "time"

// Rules are the decisions a store applies inside its transactions. Each area's rules live in its own package
// as pure functions over loaded facts (internal/signoff, …); the store is given them when it is made
// (internal/rules.All), so that every store — SQLite today, PostgreSQL next — applies the very same rules
// and imports none of their packages.
type Rules struct {
	Accounts AccountRules
	Signoff  SignoffRules
}

// AccountRules decide sign-in, lockout and passwords (internal/auth).
type AccountRules interface {
	// CheckPassword refuses a password too weak for the login; CheckChange also one equal to the old.
	CheckPassword(login, password string) error
	CheckChange(login, oldPassword, newPassword string) error
	// Hash and Verify keep passwords only as salted hashes; NeedsRehash says a hash's parameters are outdated.
	Hash(password string) (string, error)
	Verify(encoded, password string) bool
	NeedsRehash(encoded string) bool
	// CanTry refuses an attempt on a disabled or locked account; Failed counts a wrong password (and whether
	// it locked the account), FailureMessage says so; Succeeded and Reset clear the count.
	CanTry(s LoginState, now time.Time) error
	Failed(s LoginState, now time.Time) (LoginState, bool)
	FailureMessage(s LoginState, locked bool) error
	Succeeded(s LoginState) LoginState
	Reset(s LoginState) LoginState
}

// LoginState is an account's sign-in state.
type LoginState struct {
	Disabled    bool
	FailedCount int
	LockedUntil time.Time // zero when not locked
	MustChange  bool
}

// SignoffRules decide sign-off rounds (internal/signoff).
type SignoffRules interface {
	// CheckSubmit refuses a round that cannot start: one already running, a record in the wrong state, a
	// 采纳情况说明 not ready.
	CheckSubmit(subjectType string, subj SignoffSubject, current Signoff) error
	// Assign resolves each configured step to its signer for a new round.
	Assign(steps []SignoffStep, subj SignoffSubject) ([]SignoffStep, error)
	// CheckSigner refuses a decision by anyone but the step's signer, a second step by one person, the author.
	CheckSigner(u CurrentUser, f SignerFacts) error
}

// SignerSection is what the sign-off rules need of a record's drafting section.
type SignerSection struct {
	Name       string
	HeadID     int64
	HeadName   string
	LeaderID   int64
	LeaderName string
}

// SignoffSubject is what the sign-off rules need of the record submitted: a policy, an interpretation or a
// 采纳情况说明.
type SignoffSubject struct {
	Title      string
	Status     string
	AuthorID   int64 // who wrote it: the policy's drafter, the interpretation's author (0 when unknown)
	AuthorName string
	SectionID  int64
	Section    SignerSection // the drafting section, whose head and 分管领导 sign by rule
	Report     ReportFacts   // for a 采纳情况说明
}

// SignerFacts are what CheckSigner decides on.
type SignerFacts struct {
	Step     SignoffApproval   // the step waiting for a decision; PersonID names its signer when set
	Round    []SignoffApproval // every step of the same round
	AuthorID int64             // who wrote the subject, 0 when unknown
}

// ReportFacts are what the rules of a 采纳情况说明 need.
type ReportFacts struct {
	Status    string // the consultation's status today
	Undecided int    // comments without a decision
	Generated bool   // the report text has been generated from the ledger
	// Changed: the text differs from the one submitted for sign-off (regenerated after a decision changed).
	Changed bool
}

// Pending is the first undecided step of the latest round, whether it is the round's last, and whether
// there is one at all.
func (so Signoff) Pending() (SignoffApproval, bool, bool) {
	if so.Returned || so.Complete {
		return SignoffApproval{}, false, false
	}
	for i, st := range so.Steps {
		if st.Decision == "" {
			return st, i == len(so.Steps)-1, true
		}
	}
	return SignoffApproval{}, false, false
}
