package demo

import (
	"context"
	"testing"

	"policydesk/internal/core"
	"policydesk/internal/routing"
)

// demoMatchers are the demo's matcher as the app trains it (Retrain: the topics' keywords known to the
// calibration) and the same history fitted without the keywords, their prior then added on top.
func demoMatchers(t *testing.T) (calibrated, uncalibrated *routing.Matcher) {
	t.Helper()
	var topics []core.Topic
	var history []core.LabeledMessage
	for _, dt := range mailboxTopics {
		tp := core.Topic{ID: dt.name, Name: dt.name, Section: dt.section}
		for _, w := range dt.keywords {
			tp.Keywords = append(tp.Keywords, core.TopicKeyword{Word: w, Weight: 1})
		}
		topics = append(topics, tp)
		for _, m := range pastMessages[dt.name] {
			history = append(history, core.LabeledMessage{Subject: m.subject, Body: m.body, Label: dt.name})
		}
	}
	an := sharedSegmenter(t)
	calibrated = routing.NewMatcher(an, nil, topics)
	if err := calibrated.Retrain(context.Background(), history, routing.Options{}, nil); err != nil {
		t.Fatal(err)
	}
	model, err := routing.Train(context.Background(), an, history, routing.Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return calibrated, routing.NewMatcher(an, model, topics)
}

// The keywords' prior is part of what the confidence temperature is fitted on: fitted on the model's scores
// alone, each keyword a message contained moved its topic by 0.5/T unaccounted for, and nearly every demo
// message read 100 %.
func TestKeywordPriorIsCalibrated(t *testing.T) {
	calibrated, uncalibrated := demoMatchers(t)
	tc, tu := calibrated.Model().Temperature, uncalibrated.Model().Temperature
	t.Logf("temperature %.3f with the keywords' prior, %.3f without", tc, tu)
	if tc <= tu {
		t.Errorf("temperature %.3f with the keywords' prior, %.3f without: the prior's separation is not accounted for", tc, tu)
	}
	lower := 0
	for _, dm := range mailboxMessages {
		text := routing.MessageText(dm.subject, dm.body)
		c, u := calibrated.Match(text).Top[0], uncalibrated.Match(text).Top[0]
		if c.Confidence < u.Confidence-0.005 {
			lower++
		}
	}
	if lower < len(mailboxMessages)/8 {
		t.Errorf("only %d of %d demo messages read less sure once the prior is calibrated", lower, len(mailboxMessages))
	}
}

// BenchmarkDemoTrain is the demo's training run with and without the topics' keywords in the calibration:
// the keyword prior costs a scan of each message for each keyword.
func BenchmarkDemoTrain(b *testing.B) {
	var history []core.LabeledMessage
	keywords := map[string][]core.TopicKeyword{}
	for _, dt := range mailboxTopics {
		for _, w := range dt.keywords {
			keywords[dt.name] = append(keywords[dt.name], core.TopicKeyword{Word: w, Weight: 1})
		}
		for _, m := range pastMessages[dt.name] {
			history = append(history, core.LabeledMessage{Subject: m.subject, Body: m.body, Label: dt.name})
		}
	}
	an := sharedSegmenter(b)
	for _, bc := range []struct {
		name string
		opts routing.Options
	}{{"plain", routing.Options{}}, {"keywords", routing.Options{Keywords: keywords}}} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := routing.Train(context.Background(), an, history, bc.opts, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
