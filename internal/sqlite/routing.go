package sqlite

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"strconv"
	"strings"

	"policydesk/internal/core"
)

// RoutingStore keeps what the topic matcher learns from: the user dictionary, imported labeled history,
// trained models and the last evaluation. The mailbox's own messages become history once their topic is
// final (see History).
type RoutingStore struct {
	db *DB
}

// NewRoutingStore returns the routing store over db.
func NewRoutingStore(db *DB) *RoutingStore { return &RoutingStore{db: db} }

// exampleImported is the source of examples imported from files; Reroute writes "decision" rows.
const exampleImported = "import"

// modelsKept is how many trained models stay in the database; older ones are deleted when a new one is saved.
const modelsKept = 3

const evaluationKey = "routing.evaluation"

// UserWords lists the words users added to the segmentation dictionary.
func (s *RoutingStore) UserWords(ctx context.Context) ([]core.DictionaryWord, error) {
	return queryAll(ctx, s.db.db, func(r scanner) (w core.DictionaryWord, err error) {
		err = r.Scan(&w.Word, &w.Freq, &w.Tag, &w.CreatedAt)
		return
	}, `SELECT word, freq, tag, created_at FROM user_words ORDER BY word`)
}

// SaveUserWord adds a word to the dictionary or changes its frequency and tag.
func (s *RoutingStore) SaveUserWord(ctx context.Context, w core.UserWord) (core.DictionaryWord, error) {
	w.Word, w.Tag = strings.TrimSpace(w.Word), strings.TrimSpace(w.Tag)
	if w.Tag == "" {
		w.Tag = "n"
	}
	return inWrite(ctx, s.db, func(tx *Tx) (core.DictionaryWord, error) {
		var old core.DictionaryWord
		err := tx.QueryRowContext(ctx, `SELECT word, freq, tag, created_at FROM user_words WHERE word = ?`, w.Word).
			Scan(&old.Word, &old.Freq, &old.Tag, &old.CreatedAt)
		word := func(w, freq any, tag string) Columns { return Columns{{"word", w}, {"freq", freq}, {"tag", tag}} }
		newVals := word(w.Word, w.Freq, w.Tag)
		switch {
		case err == sql.ErrNoRows:
			if _, err := tx.ExecContext(ctx, `INSERT INTO user_words (word, freq, tag, created_at) VALUES (?, ?, ?, ?)`,
				w.Word, w.Freq, w.Tag, tx.Stamp()); err != nil {
				return core.DictionaryWord{}, err
			}
			if err := tx.audit("create", "user_word", w.Word, "添加自定义词 "+w.Word, diff(nil, newVals)); err != nil {
				return core.DictionaryWord{}, err
			}
			old.CreatedAt = tx.Stamp()
		case err != nil:
			return core.DictionaryWord{}, err
		default:
			cs := diff(word(old.Word, old.Freq, old.Tag), newVals)
			if len(cs) == 0 {
				return old, nil
			}
			if _, err := tx.ExecContext(ctx, `UPDATE user_words SET freq = ?, tag = ? WHERE word = ?`, w.Freq, w.Tag, w.Word); err != nil {
				return core.DictionaryWord{}, err
			}
			if err := tx.audit("update", "user_word", w.Word, "修改自定义词 "+w.Word, cs); err != nil {
				return core.DictionaryWord{}, err
			}
		}
		return core.DictionaryWord{Word: w.Word, Freq: w.Freq, Tag: w.Tag, CreatedAt: old.CreatedAt}, nil
	})
}

// DeleteUserWord removes a word from the dictionary.
func (s *RoutingStore) DeleteUserWord(ctx context.Context, word string) error {
	return s.db.write(ctx, func(tx *Tx) error {
		var freq int
		var tag string
		if err := tx.QueryRowContext(ctx, `SELECT freq, tag FROM user_words WHERE word = ?`, word).Scan(&freq, &tag); err != nil {
			return notFound(err, "自定义词“%s”不存在", word)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM user_words WHERE word = ?`, word); err != nil {
			return err
		}
		if err := tx.audit("delete", "user_word", word, "删除自定义词 "+word,
			diff(Columns{{"word", word}, {"freq", freq}, {"tag", tag}}, nil)); err != nil {
			return err
		}
		return nil
	})
}

// historyQuery selects the labeled history: imported examples of existing topics, and mailbox messages
// whose topic is final — signed off (已答复, 已公开, 转办) or settled by a person's re-route. Messages the
// matcher routed on its own and nobody has confirmed yet are left out, so the model does not learn its own
// guesses. Labels are topic IDs, so renaming a topic keeps its history.
const historyQuery = `
SELECT e.id AS id, e.subject AS subject, e.body AS body, e.topic_id AS topic_id, 'import' AS src FROM routing_examples e
	JOIN topics t ON t.id = e.topic_id AND t.active = 1
	WHERE e.source = 'import'
UNION ALL
SELECT * FROM (SELECT m.id, m.subject, m.body, m.topic_id, 'message' FROM messages m
	JOIN topics t ON t.id = m.topic_id AND t.active = 1
	WHERE m.state IN ('已答复', '已公开', '转办') OR m.id IN (SELECT message_id FROM routing_examples WHERE source = 'decision')
	ORDER BY m.received_at DESC LIMIT ?) recent`

// HistoryLimit caps how many mailbox messages (the most recent) join the imported history, so that
// retraining stays within seconds on a bureau with years of messages.
const HistoryLimit = 20000

// History returns the labeled messages a model is trained on, labels being topic IDs.
func (s *RoutingStore) History(ctx context.Context) ([]core.LabeledMessage, error) {
	rows, err := s.db.db.QueryContext(ctx, historyQuery, HistoryLimit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []core.LabeledMessage{}
	for rows.Next() {
		var id, topic int64
		var source string
		var m core.LabeledMessage
		if err := rows.Scan(&id, &m.Subject, &m.Body, &topic, &source); err != nil {
			return nil, err
		}
		m.Label = strconv.FormatInt(topic, 10)
		out = append(out, m)
	}
	return out, rows.Err()
}

// HistorySummary counts the history by source and topic, and how much of it is newer than the model.
func (s *RoutingStore) HistorySummary(ctx context.Context) (core.RoutingHistory, error) {
	h := core.RoutingHistory{ByTopic: []core.RoutingTopicCount{}}
	return inRead(ctx, s.db, func(tx *Tx) (core.RoutingHistory, error) {
		var modelExamples sql.NullInt64
		if err := tx.QueryRowContext(ctx, `SELECT examples FROM routing_models ORDER BY id DESC LIMIT 1`).Scan(&modelExamples); err != nil && err != sql.ErrNoRows {
			return h, err
		}
		rows, err := tx.QueryContext(ctx, `SELECT h.topic_id, t.name, h.src, COUNT(*) FROM (`+historyQuery+`) h
			JOIN topics t ON t.id = h.topic_id GROUP BY h.topic_id, t.name, h.src ORDER BY t.name`, HistoryLimit)
		if err != nil {
			return h, err
		}
		defer rows.Close()
		index := map[int64]int{}
		for rows.Next() {
			var c core.RoutingTopicCount
			var src string
			if err := rows.Scan(&c.TopicID, &c.TopicName, &src, &c.Count); err != nil {
				return h, err
			}
			if src == exampleImported {
				h.Imported += c.Count
			} else {
				h.Decisions += c.Count
			}
			h.Total += c.Count
			i, ok := index[c.TopicID]
			if !ok {
				index[c.TopicID] = len(h.ByTopic)
				h.ByTopic = append(h.ByTopic, c)
				continue
			}
			h.ByTopic[i].Count += c.Count
		}
		if err := rows.Err(); err != nil {
			return h, err
		}
		h.NewSinceModel = max(0, h.Total-int(modelExamples.Int64))
		return h, nil
	})
}

// exampleKey identifies an imported example, so importing the same file twice adds nothing.
func exampleKey(m core.LabeledMessage) string {
	sum := sha256.Sum256([]byte(strings.TrimSpace(m.Subject) + "\x00" + strings.TrimSpace(m.Body) + "\x00" + strings.TrimSpace(m.Label)))
	return hex.EncodeToString(sum[:16])
}

// PreviewExamples tells what importing rows (labels are topic names) would add, without writing anything.
func (s *RoutingStore) PreviewExamples(ctx context.Context, name string, rows []core.LabeledMessage) (core.ExampleImportPreview, error) {
	p := core.ExampleImportPreview{FileName: name, Rows: len(rows), ByLabel: []core.RoutingTopicCount{}, UnknownLabels: []string{}}
	return inRead(ctx, s.db, func(tx *Tx) (core.ExampleImportPreview, error) {
		plan, err := planExamples(ctx, tx, rows)
		if err != nil {
			return p, err
		}
		p.Duplicates = plan.duplicates
		for _, l := range plan.labels {
			p.ByLabel = append(p.ByLabel, core.RoutingTopicCount{TopicID: plan.topics[l], TopicName: l, Count: plan.counts[l]})
			if plan.topics[l] == 0 {
				p.UnknownLabels = append(p.UnknownLabels, l)
			}
		}
		p.Samples = rows[:min(5, len(rows))]
		return p, nil
	})
}

// examplePlan is how rows of a history file map onto topics and which of them are new.
type examplePlan struct {
	labels     []string         // distinct labels in file order
	counts     map[string]int   // rows per label
	topics     map[string]int64 // label → topic ID, 0 when no topic has that name
	fresh      []int            // indexes of rows not imported before (first of equal rows)
	keys       []string         // per row
	duplicates int
}

func planExamples(ctx context.Context, tx *Tx, rows []core.LabeledMessage) (examplePlan, error) {
	p := examplePlan{counts: map[string]int{}, topics: map[string]int64{}, keys: make([]string, len(rows))}
	existing := map[string]bool{}
	keys, err := queryAll(ctx, tx, scanString, `SELECT dedup_key FROM routing_examples WHERE source = 'import'`)
	if err != nil {
		return p, err
	}
	for _, k := range keys {
		existing[k] = true
	}
	for i, row := range rows {
		l := strings.TrimSpace(row.Label)
		if _, ok := p.counts[l]; !ok {
			p.labels = append(p.labels, l)
			var id int64
			err := tx.QueryRowContext(ctx, `SELECT id FROM topics WHERE name = ?`, l).Scan(&id)
			if err != nil && err != sql.ErrNoRows {
				return p, err
			}
			p.topics[l] = id
		}
		p.counts[l]++
		p.keys[i] = exampleKey(row)
		if existing[p.keys[i]] {
			p.duplicates++
			continue
		}
		existing[p.keys[i]] = true
		p.fresh = append(p.fresh, i)
	}
	return p, nil
}

// exampleProgressEvery is how many rows an example import stores between progress reports.
const exampleProgressEvery = 1000

// ImportExamples adds labeled history in one transaction: all of it or, on any error or when ctx ends,
// nothing. Labels name topics; with createTopics, a label no topic has becomes a new topic (without a section,
// to be set in 设置 → 主题), otherwise such a label is an error naming the row. progress (may be nil) hears how
// many of the new rows are stored.
func (s *RoutingStore) ImportExamples(ctx context.Context, name string, rows []core.LabeledMessage, createTopics bool,
	progress func(core.ImportProgress)) (core.ExampleImportResult, error) {
	res := core.ExampleImportResult{CreatedTopics: []string{}}
	return inWrite(ctx, s.db, func(tx *Tx) (core.ExampleImportResult, error) {
		plan, err := planExamples(ctx, tx, rows)
		if err != nil {
			return res, err
		}
		for _, l := range plan.labels {
			if plan.topics[l] != 0 {
				continue
			}
			if !createTopics {
				for i, row := range rows {
					if strings.TrimSpace(row.Label) == l {
						return res, core.Errorf(core.EIMPORT, "%s 第%d行：没有名为“%s”的主题。请先在主题中添加，或勾选“为没有的主题新建主题”", name, i+2, l)
					}
				}
			}
			if plan.topics[l], err = tx.insert(ctx, `INSERT INTO topics (name, description, keywords, examples, active, created_at, updated_at)
				VALUES (?, ?, '[]', '[]', 1, ?, ?)`, l, "导入历史留言时新建", tx.Stamp(), tx.Stamp()); err != nil {
				return res, err
			}
			if err := tx.audit("create", "topic", plan.topics[l], "导入历史留言时新建留言主题 "+l,
				[]Change{{Field: "name", New: l}}); err != nil {
				return res, err
			}
			res.CreatedTopics = append(res.CreatedTopics, l)
		}
		stmt, err := tx.PrepareContext(ctx, `INSERT INTO routing_examples (subject, body, label, source, topic_id, dedup_key, created_at)
			VALUES (?, ?, ?, 'import', ?, ?, ?)`)
		if err != nil {
			return res, err
		}
		defer stmt.Close()
		for n, i := range plan.fresh {
			row := rows[i]
			l := strings.TrimSpace(row.Label)
			if _, err := stmt.ExecContext(ctx, row.Subject, row.Body, l, plan.topics[l], plan.keys[i], tx.Stamp()); err != nil {
				return res, err
			}
			if done := n + 1; progress != nil && (done%exampleProgressEvery == 0 || done == len(plan.fresh)) {
				progress(core.ImportProgress{Done: done, Total: len(plan.fresh)})
			}
		}
		res.Added, res.Duplicates = len(plan.fresh), plan.duplicates
		if err := tx.audit("import", "routing_examples", 0, "导入历史留言 "+name,
			[]Change{{Field: "rows", New: strconv.Itoa(res.Added)}}); err != nil {
			return res, err
		}
		return res, nil
	})
}

// DeleteImportedExamples removes every imported example (decisions made in the app stay) and returns how many.
func (s *RoutingStore) DeleteImportedExamples(ctx context.Context) (int, error) {
	return inWrite(ctx, s.db, func(tx *Tx) (int, error) {
		r, err := tx.ExecContext(ctx, `DELETE FROM routing_examples WHERE source = 'import'`)
		if err != nil {
			return 0, err
		}
		n, err := r.RowsAffected()
		if err != nil {
			return 0, err
		}
		if n == 0 {
			return 0, nil
		}
		if err := tx.audit("delete", "routing_examples", 0, "删除导入的历史留言",
			[]Change{{Field: "rows", Old: strconv.FormatInt(n, 10)}}); err != nil {
			return 0, err
		}
		return int(n), nil
	})
}

// SaveModel stores a trained model (its Save bytes) with what describes it, and prunes old models.
func (s *RoutingStore) SaveModel(ctx context.Context, data []byte, info core.RoutingModelInfo) error {
	meta, err := json.Marshal(info)
	if err != nil {
		return err
	}
	return s.db.write(ctx, func(tx *Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO routing_models (created_at, examples, metrics, model) VALUES (?, ?, ?, ?)`,
			info.TrainedAt, info.Examples, string(meta), data); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM routing_models WHERE id NOT IN (SELECT id FROM routing_models ORDER BY id DESC LIMIT ?)`,
			modelsKept); err != nil {
			return err
		}
		return nil
	})
}

// LatestModel returns the newest stored model's bytes and description; ok is false when none was trained.
func (s *RoutingStore) LatestModel(ctx context.Context) (data []byte, info core.RoutingModelInfo, ok bool, err error) {
	var meta string
	err = s.db.db.QueryRowContext(ctx, `SELECT model, metrics FROM routing_models ORDER BY id DESC LIMIT 1`).Scan(&data, &meta)
	if err == sql.ErrNoRows {
		return nil, info, false, nil
	}
	if err != nil {
		return nil, info, false, err
	}
	if err := json.Unmarshal([]byte(meta), &info); err != nil {
		return nil, info, false, core.Errorf(core.EINVALID, "主题匹配模型的说明已损坏，请重新训练")
	}
	return data, info, true, nil
}

// SaveEvaluation keeps the latest evaluation for 设置 → 主题.
func (s *RoutingStore) SaveEvaluation(ctx context.Context, ev core.RoutingEvaluation) error {
	raw, err := json.Marshal(ev)
	if err != nil {
		return err
	}
	return s.db.write(ctx, func(tx *Tx) error {
		if err := tx.setSetting(evaluationKey, string(raw)); err != nil {
			return err
		}
		return nil
	})
}

// LastEvaluation returns the latest evaluation, or the zero value (Folds 0) when none ran.
func (s *RoutingStore) LastEvaluation(ctx context.Context) (core.RoutingEvaluation, error) {
	var ev core.RoutingEvaluation
	raw, err := s.db.Setting(ctx, evaluationKey)
	if err != nil || raw == "" {
		return ev, err
	}
	if err := json.Unmarshal([]byte(raw), &ev); err != nil {
		return core.RoutingEvaluation{}, nil // an unreadable old result is as good as none
	}
	return ev, nil
}

// TopicNames maps every topic's ID to its name, for reports on model labels.
func (s *RoutingStore) TopicNames(ctx context.Context) (map[int64]string, error) {
	out := map[int64]string{}
	if err := queryMap(ctx, s.db.db, out, `SELECT id, name FROM topics`); err != nil {
		return nil, err
	}
	return out, nil
}
