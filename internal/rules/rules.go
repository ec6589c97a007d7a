// Package rules gathers the areas' rules for the stores: main and the tests make a store with All().
package rules

import (
	"policydesk/internal/auth"
	"policydesk/internal/consult"
	"policydesk/internal/core"
	"policydesk/internal/disclosure"
	"policydesk/internal/interpret"
	"policydesk/internal/mailbox"
	"policydesk/internal/org"
	"policydesk/internal/privacy"
	"policydesk/internal/signoff"
)

// All returns every area's rules.
func All() core.Rules {
	return core.Rules{Accounts: auth.Rules{}, Consultation: consult.Rules{}, Disclosure: disclosure.Rules{}, Interpretation: interpret.Rules{},
		Mailbox: mailbox.Rules{}, Privacy: privacy.Rules{}, Settings: org.Rules{}, Signoff: signoff.Rules{}}
}
