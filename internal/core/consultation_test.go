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
