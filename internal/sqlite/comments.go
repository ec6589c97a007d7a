package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"policydesk/internal/core"
)

const commentCols = `m.id, m.consultation_id, m.received_date, m.channel, m.commenter, m.category, m.contact, m.body, m.clause_paths,
	COALESCE(m.group_id, 0), CASE WHEN m.group_id IS NULL THEN 1 ELSE (SELECT COUNT(*) FROM comments x WHERE x.group_id = m.group_id) END,
	COALESCE(g.representative_id = m.id, 0), m.decision, m.reason, m.response, COALESCE(dp.name, ''), COALESCE(m.decided_at, ''),
	COALESCE(m.batch_id, 0), COALESCE(m.source_row, 0), m.created_at, m.updated_at, m.version`

const commentFrom = ` FROM comments m LEFT JOIN comment_groups g ON g.id = m.group_id LEFT JOIN people dp ON dp.id = m.decided_by `

func scanComment(sc interface{ Scan(...any) error }) (core.Comment, error) {
	var c core.Comment
	var clauses string
	err := sc.Scan(&c.ID, &c.ConsultationID, &c.ReceivedDate, &c.Channel, &c.Commenter, &c.Category, &c.Contact, &c.Body, &clauses,
		&c.GroupID, &c.GroupSize, &c.Representative, &c.Decision, &c.Reason, &c.Response, &c.DecidedBy, &c.DecidedAt,
		&c.BatchID, &c.SourceRow, &c.CreatedAt, &c.UpdatedAt, &c.Version)
	if err != nil {
		return c, err
	}
	if json.Unmarshal([]byte(clauses), &c.Clauses) != nil || c.Clauses == nil {
		c.Clauses = []string{}
	}
	return c, nil
}

func queryComments(ctx context.Context, q querier, tail string, args ...any) ([]core.Comment, error) {
	return queryAll(ctx, q, scanComment, `SELECT `+commentCols+commentFrom+tail, args...)
}

func findComment(ctx context.Context, tx *Tx, id int64) (core.Comment, error) {
	c, err := scanComment(tx.QueryRowContext(ctx, `SELECT `+commentCols+commentFrom+` WHERE m.id = ?`, id))
	return c, notFound(err, "意见不存在(编号%d)", id)
}

// Comments lists one consultation's comments in the order received, filtered and paged.
func (s *ConsultationStore) Comments(ctx context.Context, f core.CommentFilter) (core.CommentPage, error) {
	var c conditions
	c.add("m.consultation_id = ?", f.ConsultationID)
	switch f.Decision {
	case "":
	case "undecided":
		c.add("m.decision = ''")
	default:
		c.add("m.decision = ?", f.Decision)
	}
	equal(&c, "m.category", f.Category)
	equal(&c, "m.channel", f.Channel)
	equal(&c, "m.group_id", f.GroupID)
	if f.Clause != "" {
		c.add("EXISTS (SELECT 1 FROM json_each(m.clause_paths) j WHERE j.value = ?)", f.Clause)
	}
	if strings.TrimSpace(f.Query) != "" {
		c.add(`(m.body LIKE ? ESCAPE '\' OR m.commenter LIKE ? ESCAPE '\')`, likePattern(f.Query), likePattern(f.Query))
	}
	cond, args := c.clause(), c.args
	total, comments, err := queryPage(ctx, s.db.db, scanComment, `SELECT COUNT(*) FROM comments m`+cond,
		`SELECT `+commentCols+commentFrom+cond+` ORDER BY m.received_date, m.id LIMIT ? OFFSET ?`, args, f.Limit, f.Offset)
	return core.CommentPage{Total: total, Comments: comments}, err
}

// commentColumns are a comment's stored and audited columns, in the order the statements write them.
func commentColumns(c core.Comment) Columns {
	cl, _ := json.Marshal(c.Clauses)
	return Columns{{"received_date", c.ReceivedDate}, {"channel", c.Channel}, {"commenter", c.Commenter}, {"category", c.Category},
		{"contact", c.Contact}, {"body", c.Body}, {"clause_paths", string(cl)}}
}

// SaveComment records (ID 0) or corrects a comment entered by hand. Decisions change only through Decide.
func (s *ConsultationStore) SaveComment(ctx context.Context, c core.Comment) (core.Comment, error) {
	c, err := s.db.rules.Consultation.CheckComment(c)
	if err != nil {
		return c, err
	}
	return inWrite(ctx, s.db, func(tx *Tx) (core.Comment, error) {
		if err := tx.checkVersion(ctx, "comments", "该条意见", c.ID, c.Version); err != nil {
			return core.Comment{}, err
		}
		cols := commentColumns(c)
		if c.ID == 0 {
			cons, err := findConsultation(ctx, tx, s.cal(), c.ConsultationID)
			if err != nil {
				return c, err
			}
			c.ID, err = tx.insert(ctx, `INSERT INTO comments (consultation_id, received_date, channel, commenter, category, contact, body,
				clause_paths, created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				append(append([]any{cons.ID}, cols.Values()...), tx.Stamp(), tx.actorID(), tx.Stamp(), tx.actorID())...)
			if err != nil {
				return c, err
			}
			if err := tx.audit("create", "comment", c.ID, "录入意见 "+cons.PolicyTitle, diff(nil, cols)); err != nil {
				return c, err
			}
		} else {
			old, err := findComment(ctx, tx, c.ID)
			if err != nil {
				return c, err
			}
			if _, err := tx.ExecContext(ctx, `UPDATE comments SET received_date = ?, channel = ?, commenter = ?, category = ?, contact = ?, body = ?,
				clause_paths = ?, updated_at = ?, updated_by = ? WHERE id = ?`, append(cols.Values(), tx.Stamp(), tx.actorID(), c.ID)...); err != nil {
				return c, err
			}
			if err := tx.auditChanges("update", "comment", c.ID, "修改意见", commentColumns(old), cols); err != nil {
				return c, err
			}
		}
		return findComment(ctx, tx, c.ID)
	})
}

// DeleteComment removes a comment recorded by mistake (a duplicate entry, a wrong consultation).
func (s *ConsultationStore) DeleteComment(ctx context.Context, id int64) error {
	return s.db.write(ctx, func(tx *Tx) error {
		old, err := findComment(ctx, tx, id)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM comments WHERE id = ?`, id); err != nil {
			return err
		}
		if old.GroupID != 0 {
			if err := tx.repairGroup(ctx, old.GroupID); err != nil {
				return err
			}
		}
		return tx.audit("delete", "comment", id, "删除意见", diff(commentColumns(old), nil))
	})
}

// repairGroup keeps a group consistent after a member left: an automatic group of fewer than two members
// dissolves, and a representative who left is replaced by the earliest remaining member.
func (tx *Tx) repairGroup(ctx context.Context, groupID int64) error {
	var members int
	var manual bool
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(m.id), g.manual FROM comment_groups g LEFT JOIN comments m ON m.group_id = g.id
		WHERE g.id = ? GROUP BY g.id`, groupID).Scan(&members, &manual); err == sql.ErrNoRows {
		return nil
	} else if err != nil {
		return err
	}
	if members == 0 || (members == 1 && !manual) {
		_, err := tx.ExecContext(ctx, `DELETE FROM comment_groups WHERE id = ?`, groupID)
		return err
	}
	_, err := tx.ExecContext(ctx, `UPDATE comment_groups SET representative_id = (SELECT MIN(id) FROM comments WHERE group_id = ?)
		WHERE id = ? AND (representative_id IS NULL OR representative_id NOT IN (SELECT id FROM comments WHERE group_id = ?))`, groupID, groupID, groupID)
	return err
}

// CommentImportClauses returns the clause paths of the consultation's draft, which an imported comment's
// clauses are checked against.
func (s *ConsultationStore) CommentImportClauses(ctx context.Context, consultationID int64) ([]string, error) {
	var paths []string
	err := s.db.read(ctx, func(tx *Tx) error {
		c, err := findConsultation(ctx, tx, s.cal(), consultationID)
		if err != nil {
			return err
		}
		clauses, err := listClauses(ctx, tx, c.VersionID)
		if err != nil {
			return err
		}
		paths = make([]string, len(clauses))
		for i, cl := range clauses {
			paths[i] = cl.Path
		}
		return nil
	})
	return paths, err
}

// ImportComments stores the checked rows of a comment file in one transaction (the batch, the comments and
// one audit entry). The comments are then regrouped in a second transaction; if that fails the import
// stands and the error says so (Regroup can be run again).
func (s *ConsultationStore) ImportComments(ctx context.Context, consultationID int64, file core.ImportFile, rows []core.ImportRow) (core.ImportResult, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return core.ImportResult{}, err
	}
	defer tx.Rollback()
	c, err := findConsultation(ctx, tx, s.cal(), consultationID)
	if err != nil {
		return core.ImportResult{}, err
	}
	batch, err := tx.insert(ctx, `INSERT INTO import_batches (kind, file_name, encoding, rows_total, rows_added, rows_skipped, created_at, created_by)
		VALUES ('comments', ?, ?, ?, ?, 0, ?, ?)`, file.Name, file.Encoding, file.Total, len(rows), tx.Stamp(), tx.actorID())
	if err != nil {
		return core.ImportResult{}, err
	}
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO comments (consultation_id, received_date, channel, commenter, category, contact, body,
		clause_paths, batch_id, source_row, created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return core.ImportResult{}, err
	}
	defer stmt.Close()
	for _, r := range rows {
		clauses, _ := json.Marshal(r.Clauses)
		if _, err := stmt.ExecContext(ctx, c.ID, r.ReceivedDate, r.Channel, r.Commenter, r.Category, r.Contact, r.Body, string(clauses),
			batch, r.Row, tx.Stamp(), tx.actorID(), tx.Stamp(), tx.actorID()); err != nil {
			return core.ImportResult{}, err
		}
	}
	if err := tx.audit("import", "comment_batch", batch, fmt.Sprintf("导入意见 %s(%d条)", file.Name, len(rows)), []Change{
		{Field: "consultation_id", New: c.ID}, {Field: "file_name", New: file.Name}, {Field: "rows", New: len(rows)},
	}); err != nil {
		return core.ImportResult{}, err
	}
	if err := tx.Commit(); err != nil {
		return core.ImportResult{}, err
	}
	result := core.ImportResult{BatchID: batch, FileName: file.Name, Added: len(rows), Warnings: []core.RowError{}}
	if result.Grouping, err = s.Regroup(ctx, c.ID); err != nil {
		return result, fmt.Errorf("comments imported (batch %d), regrouping failed: %w", batch, err)
	}
	return result, nil
}

// Regroup groups the consultation's near-duplicate comments again. Groups staff split or merged (manual)
// are kept as they are; automatic groups are rebuilt from the current texts.
func (s *ConsultationStore) Regroup(ctx context.Context, consultationID int64) (core.GroupingResult, error) {
	return inWrite(ctx, s.db, func(tx *Tx) (core.GroupingResult, error) {
		c, err := findConsultation(ctx, tx, s.cal(), consultationID)
		if err != nil {
			return core.GroupingResult{}, err
		}
		var before int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM comment_groups WHERE consultation_id = ? AND manual = 0`, c.ID).Scan(&before); err != nil {
			return core.GroupingResult{}, err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM comment_groups WHERE consultation_id = ? AND manual = 0`, c.ID); err != nil {
			return core.GroupingResult{}, err
		}
		docs, err := s.groupableDocs(ctx, tx, c.ID)
		if err != nil {
			return core.GroupingResult{}, err
		}
		for _, cl := range s.grouper.Group(docs) {
			if len(cl.Members) < 2 {
				continue
			}
			if _, err := tx.insertGroup(ctx, c.ID, cl.Representative, cl.Similarity, false, cl.Members); err != nil {
				return core.GroupingResult{}, err
			}
		}
		groups, err := listGroups(ctx, tx, c.ID)
		if err != nil {
			return core.GroupingResult{}, err
		}
		result := groupingResult(len(docs), groups)
		if err := tx.audit("update", "consultation", c.ID, "意见自动归并 "+c.PolicyTitle, []Change{
			{Field: "auto_groups", Old: before, New: result.Groups}, {Field: "duplicates", New: result.Duplicates},
		}); err != nil {
			return result, err
		}
		return result, nil
	})
}

func groupingResult(comments int, groups []core.CommentGroup) core.GroupingResult {
	r := core.GroupingResult{Comments: comments, List: []core.CommentGroup{}}
	for _, g := range groups {
		if g.Count >= 2 {
			r.Groups++
			r.Duplicates += g.Count - 1
			r.List = append(r.List, g)
		}
	}
	return r
}

// groupableDocs are the comments not pinned in a manual group.
func (s *ConsultationStore) groupableDocs(ctx context.Context, tx *Tx, consultationID int64) ([]core.CommentText, error) {
	return queryAll(ctx, tx, func(sc scanner) (core.CommentText, error) {
		var d core.CommentText
		err := sc.Scan(&d.ID, &d.Body)
		return d, err
	}, `SELECT m.id, m.body FROM comments m WHERE m.consultation_id = ? AND m.group_id IS NULL ORDER BY m.id`, consultationID)
}

func (tx *Tx) insertGroup(ctx context.Context, consultationID, representative int64, similarity float64, manual bool, members []int64) (int64, error) {
	id, err := tx.insert(ctx, `INSERT INTO comment_groups (consultation_id, representative_id, similarity, manual, created_at) VALUES (?, ?, ?, ?, ?)`,
		consultationID, representative, similarity, manual, tx.Stamp())
	if err != nil {
		return 0, err
	}
	for _, m := range members {
		if _, err := tx.ExecContext(ctx, `UPDATE comments SET group_id = ? WHERE id = ?`, id, m); err != nil {
			return 0, err
		}
	}
	return id, nil
}

// listGroups returns the consultation's groups with their members, largest first.
func listGroups(ctx context.Context, tx *Tx, consultationID int64) ([]core.CommentGroup, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id, consultation_id, COALESCE(representative_id, 0), similarity, manual FROM comment_groups
		WHERE consultation_id = ? ORDER BY id`, consultationID)
	if err != nil {
		return nil, err
	}
	var groups []core.CommentGroup
	index := map[int64]int{}
	for rows.Next() {
		var g core.CommentGroup
		if err := rows.Scan(&g.ID, &g.ConsultationID, &g.RepresentativeID, &g.Similarity, &g.Manual); err != nil {
			rows.Close()
			return nil, err
		}
		g.Members = []core.Comment{}
		index[g.ID] = len(groups)
		groups = append(groups, g)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	members, err := queryComments(ctx, tx, `WHERE m.consultation_id = ? AND m.group_id IS NOT NULL ORDER BY m.id`, consultationID)
	if err != nil {
		return nil, err
	}
	for _, m := range members {
		g := &groups[index[m.GroupID]]
		g.Members = append(g.Members, m)
		if m.ID == g.RepresentativeID {
			g.Representative = m
		}
	}
	out := []core.CommentGroup{}
	for _, g := range groups {
		g.Count = len(g.Members)
		g.Decision = commonDecision(g.Members)
		out = append(out, g)
	}
	slices.SortStableFunc(out, func(a, b core.CommentGroup) int { return b.Count - a.Count })
	return out, nil
}

func commonDecision(members []core.Comment) string {
	if len(members) == 0 {
		return ""
	}
	d := members[0].Decision
	for _, m := range members[1:] {
		if m.Decision != d {
			return "不一致"
		}
	}
	return d
}

// Groups lists the groups of two or more comments, largest first.
func (s *ConsultationStore) Groups(ctx context.Context, consultationID int64) ([]core.CommentGroup, error) {
	return inRead(ctx, s.db, func(tx *Tx) ([]core.CommentGroup, error) {
		if _, err := findConsultation(ctx, tx, s.cal(), consultationID); err != nil {
			return nil, err
		}
		groups, err := listGroups(ctx, tx, consultationID)
		if err != nil {
			return nil, err
		}
		return groupingResult(0, groups).List, nil
	})
}

// SplitComment takes a comment out of its group. The comment is pinned on its own (a manual group of
// one) and the group it left is marked manual, so regrouping does not undo the staff's judgement.
func (s *ConsultationStore) SplitComment(ctx context.Context, commentID int64) (core.Comment, error) {
	return inWrite(ctx, s.db, func(tx *Tx) (core.Comment, error) {
		c, err := findComment(ctx, tx, commentID)
		if err != nil {
			return c, err
		}
		if err := s.db.rules.Consultation.CheckSplit(c); err != nil {
			return c, err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE comment_groups SET manual = 1 WHERE id = ?`, c.GroupID); err != nil {
			return c, err
		}
		if _, err := tx.insertGroup(ctx, c.ConsultationID, c.ID, 1, true, []int64{c.ID}); err != nil {
			return c, err
		}
		if err := tx.repairGroup(ctx, c.GroupID); err != nil {
			return c, err
		}
		if err := tx.audit("update", "comment", c.ID, "将意见移出归并组", []Change{{Field: "group_id", Old: c.GroupID, New: nil}}); err != nil {
			return c, err
		}
		return findComment(ctx, tx, c.ID)
	})
}

// MergeGroups joins groups and single comments into one manual group: the first group given, or a new
// group led by the first comment.
func (s *ConsultationStore) MergeGroups(ctx context.Context, m core.GroupMerge) (core.CommentGroup, error) {
	if err := s.db.rules.Consultation.CheckMerge(m, nil); err != nil {
		return core.CommentGroup{}, err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return core.CommentGroup{}, err
	}
	defer tx.Rollback()
	var members []int64
	for _, gid := range m.GroupIDs {
		rows, err := tx.QueryContext(ctx, `SELECT m.id FROM comment_groups g JOIN comments m ON m.group_id = g.id WHERE g.id = ? AND g.consultation_id = ?`, gid, m.ConsultationID)
		if err != nil {
			return core.CommentGroup{}, err
		}
		n := 0
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return core.CommentGroup{}, err
			}
			members, n = append(members, id), n+1
		}
		rows.Close()
		if n == 0 {
			return core.CommentGroup{}, core.Errorf(core.ENOTFOUND, "意见组不存在(编号%d)", gid)
		}
	}
	var oldGroups []int64
	for _, cid := range m.CommentIDs {
		c, err := findComment(ctx, tx, cid)
		if err != nil {
			return core.CommentGroup{}, err
		}
		if err := s.db.rules.Consultation.CheckMerge(m, []core.Comment{c}); err != nil {
			return core.CommentGroup{}, err
		}
		if !slices.Contains(members, cid) {
			members = append(members, cid)
			if c.GroupID != 0 && !slices.Contains(m.GroupIDs, c.GroupID) {
				oldGroups = append(oldGroups, c.GroupID)
			}
		}
	}
	var target, rep int64
	if len(m.GroupIDs) > 0 {
		target = m.GroupIDs[0]
		if err := tx.QueryRowContext(ctx, `SELECT representative_id FROM comment_groups WHERE id = ?`, target).Scan(&rep); err != nil {
			return core.CommentGroup{}, err
		}
	} else {
		rep = m.CommentIDs[0]
		if target, err = tx.insertGroup(ctx, m.ConsultationID, rep, 0, true, nil); err != nil {
			return core.CommentGroup{}, err
		}
	}
	for _, id := range members {
		if _, err := tx.ExecContext(ctx, `UPDATE comments SET group_id = ? WHERE id = ?`, target, id); err != nil {
			return core.CommentGroup{}, err
		}
	}
	for _, gid := range append(m.GroupIDs[min(1, len(m.GroupIDs)):], oldGroups...) {
		if err := tx.repairGroup(ctx, gid); err != nil {
			return core.CommentGroup{}, err
		}
	}
	sim, err := s.groupSimilarity(ctx, tx, target, rep)
	if err != nil {
		return core.CommentGroup{}, err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE comment_groups SET manual = 1, similarity = ? WHERE id = ?`, sim, target); err != nil {
		return core.CommentGroup{}, err
	}
	if err := tx.audit("update", "comment_group", target, fmt.Sprintf("人工归并意见(%d条)", len(members)), []Change{
		{Field: "groups", New: m.GroupIDs}, {Field: "comments", New: members},
	}); err != nil {
		return core.CommentGroup{}, err
	}
	groups, err := listGroups(ctx, tx, m.ConsultationID)
	if err != nil {
		return core.CommentGroup{}, err
	}
	for _, g := range groups {
		if g.ID == target {
			return g, tx.Commit()
		}
	}
	return core.CommentGroup{}, fmt.Errorf("merged group %d vanished", target)
}

// groupSimilarity is the lowest similarity of a member to the representative.
func (s *ConsultationStore) groupSimilarity(ctx context.Context, tx *Tx, groupID, rep int64) (float64, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id, body FROM comments WHERE group_id = ?`, groupID)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	var docs []core.CommentText
	var lead core.CommentText
	for rows.Next() {
		var d core.CommentText
		if err := rows.Scan(&d.ID, &d.Body); err != nil {
			return 0, err
		}
		if d.ID == rep {
			lead = d
		}
		docs = append(docs, d)
	}
	low := 1.0
	for _, d := range docs {
		if d.ID != rep {
			low = min(low, s.grouper.Similarity(lead, d))
		}
	}
	return low, rows.Err()
}

// Decide records the answer to a comment, or to every member of a group.
func (s *ConsultationStore) Decide(ctx context.Context, d core.Decision) ([]core.Comment, error) {
	d, err := s.db.rules.Consultation.CheckDecision(d)
	if err != nil {
		return nil, err
	}
	return inWrite(ctx, s.db, func(tx *Tx) ([]core.Comment, error) {
		var targets []core.Comment
		if d.CommentID != 0 {
			c, err := findComment(ctx, tx, d.CommentID)
			if err != nil {
				return nil, err
			}
			targets = []core.Comment{c}
		} else {
			if targets, err = queryComments(ctx, tx, `WHERE m.group_id = ? ORDER BY m.id`, d.GroupID); err != nil {
				return nil, err
			}
			if len(targets) == 0 {
				return nil, core.Errorf(core.ENOTFOUND, "意见组不存在(编号%d)", d.GroupID)
			}
		}
		out := []core.Comment{}
		for _, c := range targets {
			if _, err := tx.ExecContext(ctx, `UPDATE comments SET decision = ?, reason = ?, response = ?, decided_by = ?, decided_at = ?,
				updated_at = ?, updated_by = ? WHERE id = ?`, d.Decision, d.Reason, d.Response, tx.actorID(), tx.Stamp(), tx.Stamp(), tx.actorID(), c.ID); err != nil {
				return nil, err
			}
			cs := diff(Columns{{"decision", c.Decision}, {"reason", c.Reason}, {"response", c.Response}},
				Columns{{"decision", d.Decision}, {"reason", d.Reason}, {"response", d.Response}})
			if len(cs) > 0 {
				if err := tx.audit("update", "comment", c.ID, "意见处理："+d.Decision, cs); err != nil {
					return nil, err
				}
			}
			saved, err := findComment(ctx, tx, c.ID)
			if err != nil {
				return nil, err
			}
			out = append(out, saved)
		}
		return out, nil
	})
}
