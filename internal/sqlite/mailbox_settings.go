package sqlite

import (
	"context"
	"encoding/json"

	"policydesk/internal/core"
)

const mailboxSettingsKey = "mailbox.settings"

func readMailboxSettings(tx *Tx) (core.MailboxSettings, error) {
	var s core.MailboxSettings
	raw, err := tx.getSetting(mailboxSettingsKey)
	if err != nil || raw == "" {
		return tx.db.rules.Mailbox.Settings(s), err
	}
	if err := json.Unmarshal([]byte(raw), &s); err != nil {
		return tx.db.rules.Mailbox.Settings(core.MailboxSettings{}), nil
	}
	return tx.db.rules.Mailbox.Settings(s), nil
}

// MailboxSettings returns the reply limits per type and the routing threshold, defaults filled in.
func (s *MailboxStore) MailboxSettings(ctx context.Context) (core.MailboxSettings, error) {
	return inRead(ctx, s.db, func(tx *Tx) (core.MailboxSettings, error) {
		return readMailboxSettings(tx)
	})
}

// SaveMailboxSettings changes the limits and threshold. Due dates of existing messages stay as they were
// computed on arrival; the new limits apply to messages arriving from now on.
func (s *MailboxStore) SaveMailboxSettings(ctx context.Context, in core.MailboxSettings) (core.MailboxSettings, error) {
	if err := s.db.rules.Mailbox.ValidateSettings(in); err != nil {
		return in, err
	}
	in = s.db.rules.Mailbox.Settings(in)
	return inWrite(ctx, s.db, func(tx *Tx) (core.MailboxSettings, error) {
		old, err := readMailboxSettings(tx)
		if err != nil {
			return in, err
		}
		oldJSON, _ := json.Marshal(old)
		newJSON, err := json.Marshal(in)
		if err != nil {
			return in, err
		}
		if string(oldJSON) == string(newJSON) {
			return in, nil
		}
		if err := tx.setSetting(mailboxSettingsKey, string(newJSON)); err != nil {
			return in, err
		}
		if err := tx.audit("update", "mailbox_settings", 1, "修改局长信箱答复时限与分办阈值",
			[]Change{{Field: "settings", Old: string(oldJSON), New: string(newJSON)}}); err != nil {
			return in, err
		}
		return in, nil
	})
}

// Topics lists the routing topics with their sections.
func (s *MailboxStore) Topics(ctx context.Context) ([]core.TopicRecord, error) {
	return queryAll(ctx, s.db.db, scanTopic, `SELECT t.id, t.name, COALESCE(t.section_id, 0), COALESCE(sec.name, ''), t.description,
		t.keywords, t.examples, t.active FROM topics t LEFT JOIN sections sec ON sec.id = t.section_id ORDER BY t.active DESC, t.id`)
}

func scanTopic(sc interface{ Scan(...any) error }) (core.TopicRecord, error) {
	var t core.TopicRecord
	var kw, ex string
	if err := sc.Scan(&t.ID, &t.Name, &t.SectionID, &t.SectionName, &t.Description, &kw, &ex, &t.Active); err != nil {
		return t, err
	}
	if err := json.Unmarshal([]byte(kw), &t.Keywords); err != nil || t.Keywords == nil {
		t.Keywords = []core.TopicKeyword{}
	}
	if err := json.Unmarshal([]byte(ex), &t.Examples); err != nil || t.Examples == nil {
		t.Examples = []string{}
	}
	return t, nil
}

// MatcherTopics returns the active topics in the matcher's form: ids as text, sections by name.
func (s *MailboxStore) MatcherTopics(ctx context.Context) ([]core.Topic, error) {
	list, err := s.Topics(ctx)
	if err != nil {
		return nil, err
	}
	out := []core.Topic{}
	for _, t := range list {
		if t.Active {
			out = append(out, core.Topic{ID: msgItoa(t.ID), Name: t.Name, Section: t.SectionName, Keywords: t.Keywords, Examples: t.Examples})
		}
	}
	return out, nil
}

// SaveTopic creates (ID 0) or updates a routing topic.
func (s *MailboxStore) SaveTopic(ctx context.Context, t core.TopicRecord) (core.TopicRecord, error) {
	return checkedWrite(ctx, s.db, t, s.db.rules.Mailbox.CheckTopic, func(tx *Tx, t core.TopicRecord) (core.TopicRecord, error) {
		return saveRecord(ctx, tx, t.ID, t, record[core.TopicRecord]{table: "topics", entity: "topic",
			created: "新建留言主题 " + t.Name, updated: "修改留言主题 " + t.Name, columns: topicColumns, find: findTopic,
			conflict: func(err error) error { return topicWriteError(err, t.Name) }})
	})
}

// topicColumns are a topic's audited values.
func topicColumns(t core.TopicRecord) Columns {
	kw, _ := json.Marshal(t.Keywords)
	ex, _ := json.Marshal(t.Examples)
	return Columns{{"name", t.Name}, {"section_id", storedID(t.SectionID)}, {"description", t.Description}, {"keywords", string(kw)},
		{"examples", string(ex)}, {"active", t.Active}}
}

func findTopic(ctx context.Context, tx *Tx, id int64) (core.TopicRecord, error) {
	t, err := scanTopic(tx.QueryRowContext(ctx, `SELECT t.id, t.name, COALESCE(t.section_id, 0), COALESCE(sec.name, ''), t.description,
		t.keywords, t.examples, t.active FROM topics t LEFT JOIN sections sec ON sec.id = t.section_id WHERE t.id = ?`, id))
	return t, notFound(err, "留言主题不存在(编号%d)", id)
}

func topicWriteError(err error, name string) error {
	switch {
	case isUniqueViolation(err):
		return core.FieldErrorf(core.ECONFLICT, "name", "已有名为“%s”的留言主题", name)
	case isForeignKeyViolation(err):
		return core.FieldErrorf(core.EINVALID, "sectionId", "所选承办科室不存在")
	}
	return err
}

// ReplyTemplates lists the reply templates.
func (s *MailboxStore) ReplyTemplates(ctx context.Context) ([]core.ReplyTemplate, error) {
	return queryAll(ctx, s.db.db, scanTemplate, `SELECT `+templateCols+` FROM reply_templates ORDER BY msg_type, name, id`)
}

const templateCols = `id, name, msg_type, body, updated_at`

func scanTemplate(sc scanner) (core.ReplyTemplate, error) {
	var t core.ReplyTemplate
	err := sc.Scan(&t.ID, &t.Name, &t.Type, &t.Body, &t.UpdatedAt)
	return t, err
}

func findTemplate(ctx context.Context, tx *Tx, id int64) (core.ReplyTemplate, error) {
	t, err := scanTemplate(tx.QueryRowContext(ctx, `SELECT `+templateCols+` FROM reply_templates WHERE id = ?`, id))
	return t, notFound(err, "答复模板不存在(编号%d)", id)
}

// SaveReplyTemplate creates (ID 0) or updates a reply template; unknown {fields} are refused so that a typo
// never reaches a citizen.
func (s *MailboxStore) SaveReplyTemplate(ctx context.Context, t core.ReplyTemplate) (core.ReplyTemplate, error) {
	return checkedWrite(ctx, s.db, t, s.db.rules.Mailbox.CheckTemplate, func(tx *Tx, t core.ReplyTemplate) (core.ReplyTemplate, error) {
		return saveRecord(ctx, tx, t.ID, t, record[core.ReplyTemplate]{table: "reply_templates", entity: "reply_template",
			created: "新建答复模板 " + t.Name, updated: "修改答复模板 " + t.Name, find: findTemplate,
			columns: func(t core.ReplyTemplate) Columns {
				return Columns{{"name", t.Name}, {"msg_type", t.Type}, {"body", t.Body}}
			}})
	})
}

// DeleteReplyTemplate deletes a template; replies already written from it are not affected.
func (s *MailboxStore) DeleteReplyTemplate(ctx context.Context, id int64) error {
	return s.db.write(ctx, func(tx *Tx) error {
		old, err := findTemplate(ctx, tx, id)
		if err != nil {
			return err
		}
		return tx.deleteRecord(ctx, "reply_templates", "reply_template", id, "删除答复模板 "+old.Name,
			[]Change{{Field: "name", Old: old.Name}, {Field: "body", Old: old.Body}}, nil)
	})
}
