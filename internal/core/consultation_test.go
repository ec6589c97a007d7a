package core

import "testing"

func TestConsultationStatus(t *testing.T) {
	for _, tc := range []struct{ today, want string }{
		{"2026-03-01", ConsultationPending},
		{"2026-03-02", ConsultationOpen},
		{"2026-04-01", ConsultationOpen},
		{"2026-04-02", ConsultationClosed},
	} {
		if got := ConsultationStatus("2026-03-02", "2026-04-01", tc.today); got != tc.want {
			t.Errorf("status on %s = %s, want %s", tc.today, got, tc.want)
		}
	}
}

func TestPolicyRules(t *testing.T) {
	valid := Policy{Title: "办法", Category: "规范性文件", SectionID: 1, Disclosure: "主动公开", DisclosureBasis: "《政府信息公开条例》第十九条"}
	if err := ValidatePolicy(valid); err != nil {
		t.Fatal(err)
	}
	for field, edit := range map[string]func(*Policy){
		"title":           func(p *Policy) { p.Title = "" },
		"category":        func(p *Policy) { p.Category = "通知" },
		"sectionId":       func(p *Policy) { p.SectionID = 0 },
		"disclosure":      func(p *Policy) { p.Disclosure = "" },
		"disclosureBasis": func(p *Policy) { p.DisclosureBasis = "  " },
	} {
		p := valid
		edit(&p)
		if got := ErrorField(ValidatePolicy(p)); got != field {
			t.Errorf("missing %s: error on %q", field, got)
		}
	}
}
