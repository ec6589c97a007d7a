package core

import "testing"

func TestCitations(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{PolicyCitation("临江市城市更新实施办法", "临规划资源规字〔2026〕3号", "2026-03-02"), "详见《临江市城市更新实施办法》（临规划资源规字〔2026〕3号）"},
		{PolicyCitation("《临江市城市更新实施办法》", "", "2026-03-02"), "详见《临江市城市更新实施办法》（2026年3月2日发布）"},
		{PolicyCitation("临江市城市更新实施办法", " ", ""), "详见《临江市城市更新实施办法》"},
		{InterpretationCitation("《临江市城市更新实施办法》政策解读", "2026-03-05"), "详见《〈临江市城市更新实施办法〉政策解读》（2026年3月5日发布）"},
		{InterpretationCitation("一图读懂《临江市不动产登记若干规定》", "bad"), "详见《一图读懂〈临江市不动产登记若干规定〉》"},
	} {
		if c.got != c.want {
			t.Errorf("got %s, want %s", c.got, c.want)
		}
	}
}
