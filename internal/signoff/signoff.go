// Package signoff holds who may sign a sign-off step (三审 means three people). It does no I/O: the store
// loads the round and the subject's author and asks CheckSigner inside its transaction.
package signoff

import (
	"policydesk/internal/core"
)

// Facts are what CheckSigner decides on.
type Facts struct {
	Step     core.SignoffApproval   // the step waiting for a decision; PersonID names its signer when set
	Round    []core.SignoffApproval // every step of the same round
	AuthorID int64                  // who wrote the subject (interpretation author, policy drafter), 0 when unknown
}

// CheckSigner refuses a decision by anyone but the step's named signer, by someone who already signed
// another step of the same round, and by the author of the work being signed.
func CheckSigner(u core.CurrentUser, f Facts) error {
	if f.Step.PersonID != 0 && f.Step.PersonID != u.PersonID {
		return core.Errorf(core.EFORBID, "“%s”应由%s审签，%s不能代签；请切换为%s后再操作，或在“设置 → 审签步骤”中更改签批人",
			f.Step.StepName, f.Step.PersonName, u.Name, f.Step.PersonName)
	}
	for _, st := range f.Round {
		if st.ID != f.Step.ID && st.Decision != "" && st.PersonID == u.PersonID {
			return core.Errorf(core.EFORBID, "%s已签“%s”，同一轮审签中一人不能签两个步骤；“%s”请由另一位审签人员办理",
				u.Name, st.StepName, f.Step.StepName)
		}
	}
	if f.AuthorID != 0 && f.AuthorID == u.PersonID {
		return core.Errorf(core.EFORBID, "%s是本件的起草人，不能审签自己起草的材料；“%s”请由另一位审签人员办理", u.Name, f.Step.StepName)
	}
	return nil
}
