package disclosure

import (
	"testing"

	"policydesk/internal/calendar"
	"policydesk/internal/testutil"
)

var d = testutil.Date

// cal is the official calendar the tests count working days with.
var cal = calendar.New(calendar.Builtin())

func TestReceiptDate(t *testing.T) {
	tests := []struct {
		name string
		a    Arrival
		want string
		ok   bool
	}{
		{"当面：提交之日", Arrival{Channel: ChannelInPerson, Submitted: d("2025-03-03")}, "2025-03-03", true},
		{"邮寄：签收之日而非寄出", Arrival{Channel: ChannelRegistered, Submitted: d("2025-03-01"), SignedFor: d("2025-03-04")}, "2025-03-04", true},
		{"信函：确认之日", Arrival{Channel: ChannelLetter, Submitted: d("2025-03-03"), Confirmed: d("2025-03-05")}, "2025-03-05", true},
		{"网络：双方确认之日", Arrival{Channel: ChannelOnline, Confirmed: d("2025-03-06")}, "2025-03-06", true},
		{"信函未确认", Arrival{Channel: ChannelLetter, Submitted: d("2025-03-03")}, "", false},
		{"未知渠道", Arrival{Channel: "鸽子", Submitted: d("2025-03-03")}, "", false},
	}
	for _, tt := range tests {
		got, ok := ReceiptDate(tt.a)
		if ok != tt.ok || (ok && calendar.FormatDate(got) != tt.want) {
			t.Errorf("%s: got %v %v, want %s %v", tt.name, got, ok, tt.want, tt.ok)
		}
	}
}

func TestDeadlineAcrossHolidays(t *testing.T) {
	tests := []struct {
		name string
		c    Case
		want string
	}{
		// 2025 春节 1/28–2/4 休，1/26（日）、2/8（六）上班。
		{"春节：调休日计入", Case{Received: d("2025-01-20")}, "2025-02-21"},
		// 2025 国庆中秋 10/1–10/8 休，9/28（日）、10/11（六）上班。
		{"国庆：20个工作日", Case{Received: d("2025-09-26")}, "2025-10-30"},
		{"国庆：延期20个工作日", Case{Received: d("2025-09-26"), Extended: true}, "2025-11-27"},
		{"第三方征询期间不计", Case{Received: d("2025-09-26"), Suspended: []Suspension{{Kind: "第三方", From: d("2025-09-30"), To: d("2025-10-10")}}}, "2025-11-03"},
		{"补正：自收到补正之日重新计算", Case{Received: d("2025-01-02"), Corrected: d("2025-01-20")}, "2025-02-21"},
	}
	for _, tt := range tests {
		if got := calendar.FormatDate(Deadline(cal, tt.c)); got != tt.want {
			t.Errorf("%s: got %s, want %s", tt.name, got, tt.want)
		}
	}
	if got := calendar.FormatDate(CorrectionNoticeDue(cal, d("2025-01-20"))); got != "2025-02-05" {
		t.Errorf("补正告知 7个工作日: got %s", got)
	}
	if got := calendar.FormatDate(ThirdPartyDue(cal, d("2025-09-26"))); got != "2025-10-23" {
		t.Errorf("第三方 15个工作日: got %s", got)
	}
}

func TestOnTimeByPostingDate(t *testing.T) {
	due := d("2025-10-30")
	if !OnTime(d("2025-10-30"), due) || OnTime(d("2025-10-31"), due) {
		t.Fatal("posting date on the deadline is on time, the day after is late")
	}
}

func TestFeeTiers(t *testing.T) {
	tests := []struct {
		basis         FeeBasis
		before, count int
		want          int
	}{
		{PerItem, 0, 10, 0},
		{PerItem, 0, 11, 100},
		{PerItem, 0, 30, 2000},
		{PerItem, 0, 31, 2200},
		{PerItem, 0, 40, 4000},
		{PerItem, 0, 41, 4300},
		{PerItem, 8, 5, 300},
		{PerVolume, 0, 30, 0},
		{PerVolume, 0, 100, 700},
		{PerVolume, 0, 101, 720},
		{PerVolume, 90, 20, 100 + 200},
		{PerVolume, 5, 0, 0},
		{PerVolume, 0, 200, 700 + 2000},
		{PerVolume, 0, 201, 700 + 2000 + 40},
	}
	for _, tt := range tests {
		if got := Fee(tt.basis, tt.before, tt.count); got != tt.want {
			t.Errorf("Fee(%s, %d, %d) = %d, want %d", tt.basis, tt.before, tt.count, got, tt.want)
		}
	}
}

func TestFeePerApplicantPerMonth(t *testing.T) {
	past := []Charged{
		{"王五", d("2025-03-02"), PerItem, 6},
		{"王五", d("2025-03-20"), PerItem, 4},
		{"王五", d("2025-02-27"), PerItem, 9}, // last month: not counted
		{"赵六", d("2025-03-05"), PerItem, 9}, // another applicant
		{"王五", d("2025-03-06"), PerVolume, 50},
	}
	before := CountBefore(past, "王五", PerItem, d("2025-03-28"))
	if before != 10 {
		t.Fatalf("before = %d, want 10", before)
	}
	if got := Fee(PerItem, before, 2); got != 200 {
		t.Fatalf("11th and 12th items this month: got %d, want 200", got)
	}
	if got := calendar.FormatDate(PaymentDue(cal, d("2025-09-26"))); got != "2025-10-30" {
		t.Fatalf("payment due across 国庆: %s", got)
	}
}
