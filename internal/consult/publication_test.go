package consult

import (
	"testing"

	"policydesk/internal/core"
)

func TestCheckPolicyMove(t *testing.T) {
	signed := PublicationFacts{Disclosure: core.DisclosureActive, SignoffRound: 1, SignoffSteps: 3, SignoffApproved: 3}
	publish := core.PolicyStatusChange{PolicyID: 1, Status: core.PolicyPublished, PublishedDate: "2026-03-02", PublishedURL: "https://x"}
	signing := core.PolicyStatusChange{PolicyID: 1, Status: core.PolicySigning}
	with := func(f PublicationFacts, edit func(*PublicationFacts)) PublicationFacts { edit(&f); return f }
	cases := []struct {
		name string
		from string
		c    core.PolicyStatusChange
		f    PublicationFacts
		code string
	}{
		{"consultation done, to 审签", core.PolicyConsulting, signing, PublicationFacts{}, ""},
		{"open consultation, to 审签", core.PolicyConsulting, signing, PublicationFacts{OpenConsultations: []string{"2026-01-05至2026-02-05"}}, core.EFORBID},
		{"undecided comments, to 审签", core.PolicyConsulting, signing, PublicationFacts{UndecidedComments: 2}, core.EFORBID},
		{"open consultation with exemption", core.PolicyConsulting, signing,
			PublicationFacts{OpenConsultations: []string{"x"}, UndecidedComments: 2, ConsultExemption: "上级要求限期出台"}, ""},
		{"blank exemption is none", core.PolicyDrafting, signing, PublicationFacts{UndecidedComments: 1, ConsultExemption: "  "}, core.EFORBID},
		{"signed 主动公开 published", core.PolicySigning, publish, signed, ""},
		{"不予公开 never published", core.PolicySigning, publish, with(signed, func(f *PublicationFacts) { f.Disclosure = core.DisclosureNone }), core.EFORBID},
		{"依申请公开 without reason", core.PolicySigning, publish, with(signed, func(f *PublicationFacts) { f.Disclosure = core.DisclosureOnRequest }), core.EINVALID},
		{"依申请公开 with reason", core.PolicySigning, func() core.PolicyStatusChange { c := publish; c.Reason = "社会关注度高，主动公开"; return c }(),
			with(signed, func(f *PublicationFacts) { f.Disclosure = core.DisclosureOnRequest }), ""},
		{"never submitted (round 0)", core.PolicySigning, publish, with(signed, func(f *PublicationFacts) { f.SignoffRound, f.SignoffSteps, f.SignoffApproved = 0, 0, 0 }), core.EFORBID},
		{"round incomplete", core.PolicySigning, publish, with(signed, func(f *PublicationFacts) { f.SignoffApproved = 2 }), core.EFORBID},
		{"round returned", core.PolicySigning, publish, with(signed, func(f *PublicationFacts) { f.SignoffReturned = true; f.SignoffApproved = 1 }), core.EFORBID},
		{"open consultation does not block leaving 审签 back to 起草", core.PolicySigning,
			core.PolicyStatusChange{Status: core.PolicyDrafting, Reason: "退回修改"}, PublicationFacts{OpenConsultations: []string{"x"}}, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := CheckPolicyMove(tc.from, tc.c, tc.f)
			if got := core.ErrorCode(err); got != tc.code {
				t.Fatalf("code %q, want %q (%v)", got, tc.code, err)
			}
		})
	}
}
