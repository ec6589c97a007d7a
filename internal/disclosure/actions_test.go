package disclosure

import (
	"testing"

	"policydesk/internal/core"
)

func TestCheckCorrection(t *testing.T) {
	base := State{Received: d("2025-01-20")}
	tests := []struct {
		name     string
		s        State
		sent, by string
		code     string
	}{
		{"在7个工作日内（跨春节）", base, "2025-02-05", "2025-02-20", ""},
		{"超过7个工作日", base, "2025-02-06", "2025-02-20", core.EINVALID},
		{"只能一次", State{Received: d("2025-01-20"), CorrectionSent: d("2025-01-22")}, "2025-01-23", "2025-02-20", core.ECONFLICT},
		{"已答复", State{Received: d("2025-01-20"), Answered: true}, "2025-01-21", "2025-02-20", core.ECONFLICT},
		{"期限早于发出", base, "2025-01-21", "2025-01-21", core.EINVALID},
	}
	for _, tt := range tests {
		err := CheckCorrection(cal, tt.s, d(tt.sent), d(tt.by))
		if got := core.ErrorCode(err); got != tt.code && !(tt.code == "" && err == nil) {
			t.Errorf("%s: got %v, want %q", tt.name, err, tt.code)
		}
	}
}

func TestCorrectionLapsedAndExtension(t *testing.T) {
	s := State{Received: d("2025-09-26"), CorrectionSent: d("2025-09-29"), CorrectionBy: d("2025-10-13")}
	if CorrectionLapsed(s, d("2025-10-13")) || !CorrectionLapsed(s, d("2025-10-14")) {
		t.Fatal("lapse starts the day after the 补正 deadline")
	}
	s.Corrected = d("2025-10-10")
	if CorrectionLapsed(s, d("2025-11-01")) {
		t.Fatal("a received correction never lapses")
	}
	if Outcomes[OutcomeCorrectionLapsed][:len("（六）其他处理/1.")] != "（六）其他处理/1." || Outcomes[OutcomeFeeUnpaid][:len("（六）其他处理/2.")] != "（六）其他处理/2." {
		t.Fatal("lapse outcomes point at the wrong rows")
	}
	if core.ErrorCode(CheckExtension(State{}, "")) != core.EINVALID ||
		core.ErrorCode(CheckExtension(State{Extended: true}, "李科长")) != core.ECONFLICT ||
		CheckExtension(State{}, "李科长") != nil {
		t.Fatal("extension rules")
	}
}
