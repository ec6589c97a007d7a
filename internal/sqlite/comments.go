package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"policydesk/internal/core"
)

const commentCols = `m.id, m.consultation_id, m.received_date, m.channel, m.commenter, m.category, m.contact, m.body, m.clause_paths,
	COALESCE(m.group_id, 0), COALESCE(g.members, 1),
	(g.representative_id IS NOT NULL AND g.representative_id = m.id), m.decision, m.reason, m.response, COALESCE(dp.name, ''), COALESCE(m.decided_at, ''),
	COALESCE(m.batch_id, 0), COALESCE(m.source_row, 0), m.created_at, m.updated_at, m.version`

const commentFrom = ` FROM live_comments m LEFT JOIN comment_groups g ON g.id = m.group_id LEFT JOIN people dp ON dp.id = m.decided_by `

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
	total, comments, err := queryPage(ctx, s.db.db, scanComment, `SELECT COUNT(*) FROM live_comments m`+cond,
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
	return checkedWrite(ctx, s.db, c, s.db.rules.Consultation.CheckComment, func(tx *Tx, c core.Comment) (core.Comment, error) {
		if err := tx.checkVersion(ctx, "comments", "该条意见", c.ID, c.Version); err != nil {
			return core.Comment{}, err
		}
		r := record[core.Comment]{table: "comments", entity: "comment", by: true, updated: "修改意见", columns: commentColumns,
			find: func(ctx context.Context, tx *Tx, id int64) (core.Comment, error) { return findComment(ctx, tx, id) }}
		if c.ID == 0 {
			cons, err := findConsultation(ctx, tx, s.cal(), c.ConsultationID)
			if err != nil {
				return c, err
			}
			r.first, r.created = Columns{{"consultation_id", cons.ID}}, "录入意见 "+cons.PolicyTitle
		}
		return saveRecord(ctx, tx, c.ID, c, r)
	})
}

// DeleteComment removes a comment recorded by mistake (a duplicate entry, a wrong consultation).
func (s *ConsultationStore) DeleteComment(ctx context.Context, id int64) error {
	return s.db.write(ctx, func(tx *Tx) error {
		old, err := findComment(ctx, tx, id)
		if err != nil {
			return err
		}
		if err := tx.deleteRecord(ctx, "comments", "comment", id, "删除意见", diff(commentColumns(old), nil), nil); err != nil {
			return err
		}
		if old.GroupID != 0 {
			return tx.repairGroup(ctx, old.GroupID)
		}
		return nil
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

// commentImportChunk is how many rows one transaction of an import writes: some tens of milliseconds of
// writing, so that other edits wait briefly at most.
const commentImportChunk = 2000

// stalePendingImport is how old a pending import must be to be taken for one a crash cut short.
const stalePendingImport = 24 * time.Hour

// ImportComments stores the checked rows of a comment file, whole or not at all, without holding the write
// lock for long. The batch is created pending and its rows are written in chunks, each in its own short
// transaction; nobody sees them (live_comments) until the last transaction, which clears the pending mark and
// writes the one audit entry. A failure or a cancellation (ctx) deletes the rows and the batch instead.
// progress (may be nil) hears of each chunk written. The comments are then regrouped; if that fails the
// import stands and the error says so (Regroup can be run again).
func (s *ConsultationStore) ImportComments(ctx context.Context, consultationID int64, file core.ImportFile, rows []core.ImportRow,
	progress func(core.ImportProgress)) (core.ImportResult, error) {
	if err := s.dropStalePendingImports(ctx); err != nil {
		return core.ImportResult{}, err
	}
	batch, err := inWrite(ctx, s.db, func(tx *Tx) (int64, error) {
		if _, err := findConsultation(ctx, tx, s.cal(), consultationID); err != nil {
			return 0, err
		}
		batch, err := tx.insert(ctx, `INSERT INTO import_batches (kind, file_name, encoding, rows_total, rows_added, rows_skipped, created_at, created_by)
			VALUES ('comments', ?, ?, ?, ?, 0, ?, ?)`, file.Name, file.Encoding, file.Total, len(rows), tx.Stamp(), tx.actorID())
		if err != nil {
			return 0, err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO comment_imports_pending (batch_id, consultation_id, created_at) VALUES (?, ?, ?)`,
			batch, consultationID, tx.Stamp())
		return batch, err
	})
	if err != nil {
		return core.ImportResult{}, err
	}
	result, err := s.importPending(ctx, batch, consultationID, file, rows, progress)
	if err != nil {
		// The rows go whatever ended the import, a cancellation included.
		if drop := s.dropPendingImport(context.WithoutCancel(ctx), batch); drop != nil {
			err = fmt.Errorf("%w (deleting the pending import batch %d: %v)", err, batch, drop)
		}
		if ctx.Err() != nil {
			return core.ImportResult{}, ctx.Err()
		}
		return core.ImportResult{}, err
	}
	// The comments are in: a cancellation from here on no longer undoes the import.
	if result.Grouping, err = s.Regroup(context.WithoutCancel(ctx), consultationID); err != nil {
		return result, fmt.Errorf("comments imported (batch %d), regrouping failed: %w", batch, err)
	}
	return result, nil
}

// importPending writes the rows chunk by chunk under the pending batch, then shows them.
func (s *ConsultationStore) importPending(ctx context.Context, batch, consultationID int64, file core.ImportFile, rows []core.ImportRow,
	progress func(core.ImportProgress)) (core.ImportResult, error) {
	for start := 0; start < len(rows); start += commentImportChunk {
		chunk := rows[start:min(start+commentImportChunk, len(rows))]
		if err := s.db.write(ctx, func(tx *Tx) error {
			for _, r := range chunk {
				clauses, _ := json.Marshal(r.Clauses)
				if _, err := tx.execPrepared(ctx, `INSERT INTO comments (consultation_id, received_date, channel, commenter, category, contact, body,
					clause_paths, batch_id, source_row, created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
					consultationID, r.ReceivedDate, r.Channel, r.Commenter, r.Category, r.Contact, r.Body, string(clauses),
					batch, r.Row, tx.Stamp(), tx.actorID(), tx.Stamp(), tx.actorID()); err != nil {
					return err
				}
			}
			return nil
		}); err != nil {
			return core.ImportResult{}, err
		}
		if progress != nil {
			progress(core.ImportProgress{Done: start + len(chunk), Total: len(rows)})
		}
	}
	return inWrite(ctx, s.db, func(tx *Tx) (core.ImportResult, error) {
		c, err := findConsultation(ctx, tx, s.cal(), consultationID)
		if err != nil {
			return core.ImportResult{}, err
		}
		res, err := tx.ExecContext(ctx, `DELETE FROM comment_imports_pending WHERE batch_id = ?`, batch)
		if err != nil {
			return core.ImportResult{}, err
		}
		if n, err := res.RowsAffected(); err != nil || n != 1 {
			return core.ImportResult{}, fmt.Errorf("import batch %d is no longer pending: %v", batch, err)
		}
		if err := tx.audit("import", "comment_batch", batch, fmt.Sprintf("导入意见 %s(%d条)", file.Name, len(rows)), []Change{
			{Field: "consultation_id", New: c.ID}, {Field: "file_name", New: file.Name}, {Field: "rows", New: len(rows)},
		}); err != nil {
			return core.ImportResult{}, err
		}
		return core.ImportResult{BatchID: batch, FileName: file.Name, Added: len(rows), Warnings: []core.RowError{}}, nil
	})
}

// dropPendingImport deletes a pending import's rows in chunks, each its own short transaction, then its batch.
func (s *ConsultationStore) dropPendingImport(ctx context.Context, batch int64) error {
	for {
		var n int64
		err := s.db.write(ctx, func(tx *Tx) error {
			var pending bool
			if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM comment_imports_pending WHERE batch_id = ?)`, batch).Scan(&pending); err != nil || !pending {
				return err // shown meanwhile? then it is no longer this import's to delete
			}
			res, err := tx.ExecContext(ctx, `DELETE FROM comments WHERE id IN (SELECT id FROM comments WHERE batch_id = ? LIMIT ?)`,
				batch, 2*commentImportChunk)
			if err == nil {
				n, err = res.RowsAffected()
			}
			if err == nil && n == 0 {
				_, err = tx.ExecContext(ctx, `DELETE FROM import_batches WHERE id = ?`, batch) // the pending mark goes with it
			}
			return err
		})
		if err != nil || n == 0 {
			return err
		}
	}
}

// dropStalePendingImports deletes what imports a crash cut short left behind.
func (s *ConsultationStore) dropStalePendingImports(ctx context.Context) error {
	stale, err := inRead(ctx, s.db, func(tx *Tx) ([]int64, error) {
		return queryAll(ctx, tx, func(sc scanner) (int64, error) {
			var id int64
			return id, sc.Scan(&id)
		}, `SELECT batch_id FROM comment_imports_pending WHERE created_at < ?`, s.db.Now().Add(-stalePendingImport).Format(TimeLayout))
	})
	for _, batch := range stale {
		if err == nil {
			err = s.dropPendingImport(ctx, batch)
		}
	}
	return err
}

// errTextsChanged: the comments changed between the read a grouping was computed from and its write.
var errTextsChanged = errors.New("comments changed while grouping")

// regroupAttempts is how often Regroup computes a grouping outside the write transaction before it computes
// one inside it (comments edited all the while).
const regroupAttempts = 3

// Regroup groups the consultation's near-duplicate comments again. Groups staff split or merged (manual)
// are kept as they are; automatic groups are rebuilt from the current texts. The grouping is computed from a
// read, outside the write transaction; the write checks nothing changed since (else reads again) and moves
// only the comments whose group changes, so a campaign of thousands holds the write lock briefly.
func (s *ConsultationStore) Regroup(ctx context.Context, consultationID int64) (core.GroupingResult, error) {
	for attempt := 1; ; attempt++ {
		var docs []groupable
		var seen groupableState
		err := s.db.read(ctx, func(tx *Tx) error {
			if _, err := findConsultation(ctx, tx, s.cal(), consultationID); err != nil {
				return err
			}
			var err error
			if docs, err = groupableDocs(ctx, tx, consultationID); err != nil {
				return err
			}
			seen, err = groupableNow(ctx, tx, consultationID)
			return err
		})
		if err != nil {
			return core.GroupingResult{}, err
		}
		clusters := s.grouper.Group(commentTexts(docs))
		result, err := inWrite(ctx, s.db, func(tx *Tx) (core.GroupingResult, error) {
			c, err := findConsultation(ctx, tx, s.cal(), consultationID)
			if err != nil {
				return core.GroupingResult{}, err
			}
			now, err := groupableNow(ctx, tx, c.ID)
			if err != nil {
				return core.GroupingResult{}, err
			}
			if now != seen {
				if attempt < regroupAttempts {
					return core.GroupingResult{}, errTextsChanged
				}
				if docs, err = groupableDocs(ctx, tx, c.ID); err != nil {
					return core.GroupingResult{}, err
				}
				clusters = s.grouper.Group(commentTexts(docs))
			}
			return tx.applyGrouping(ctx, c, docs, clusters)
		})
		if errors.Is(err, errTextsChanged) {
			continue
		}
		if err != nil {
			return result, err
		}
		// The list is read after the write: the write turn is not held for it.
		result.List, err = s.Groups(ctx, consultationID)
		return result, err
	}
}

// groupableState tells whether the comments regrouping may move changed: any edit, deletion, new comment or
// move between groups changes the count, the ids or the versions (which only grow).
type groupableState struct{ count, ids, versions int64 }

func groupableNow(ctx context.Context, tx *Tx, consultationID int64) (groupableState, error) {
	var st groupableState
	err := tx.QueryRowContext(ctx, `SELECT COUNT(*), COALESCE(SUM(m.id), 0), COALESCE(SUM(m.version), 0) FROM live_comments m
		LEFT JOIN comment_groups g ON g.id = m.group_id WHERE m.consultation_id = ? AND (m.group_id IS NULL OR g.manual = 0)`,
		consultationID).Scan(&st.count, &st.ids, &st.versions)
	return st, err
}

// applyGrouping makes the automatic groups those of clusters. A group keeps its id when its representative
// stays its representative; only the comments whose group changes are written.
func (tx *Tx) applyGrouping(ctx context.Context, c core.Consultation, docs []groupable, clusters []core.CommentCluster) (core.GroupingResult, error) {
	var before int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM comment_groups WHERE consultation_id = ? AND manual = 0`, c.ID).Scan(&before); err != nil {
		return core.GroupingResult{}, err
	}
	groupOf := make(map[int64]int64, len(docs))
	for _, d := range docs {
		groupOf[d.ID] = d.GroupID
	}
	kept := []int64{}
	for _, cl := range clusters {
		if len(cl.Members) < 2 {
			continue
		}
		members, err := json.Marshal(cl.Members)
		if err != nil {
			return core.GroupingResult{}, err
		}
		gid := groupOf[cl.Representative]
		if gid == 0 || slices.Contains(kept, gid) {
			if gid, err = tx.insertGroup(ctx, c.ID, cl.Representative, cl.Similarity, false, nil); err != nil {
				return core.GroupingResult{}, err
			}
		} else {
			if _, err := tx.ExecContext(ctx, `UPDATE comment_groups SET representative_id = ?, similarity = ? WHERE id = ?`,
				cl.Representative, cl.Similarity, gid); err != nil {
				return core.GroupingResult{}, err
			}
			if _, err := tx.ExecContext(ctx, `UPDATE comments SET group_id = NULL, version = version + 1 WHERE group_id = ? AND id NOT IN (SELECT value FROM json_each(?))`,
				gid, string(members)); err != nil {
				return core.GroupingResult{}, err
			}
		}
		kept = append(kept, gid)
		if err := tx.moveToGroup(ctx, gid, members); err != nil {
			return core.GroupingResult{}, err
		}
	}
	keptJSON, _ := json.Marshal(kept)
	if _, err := tx.ExecContext(ctx, `DELETE FROM comment_groups WHERE consultation_id = ? AND manual = 0 AND id NOT IN (SELECT value FROM json_each(?))`,
		c.ID, string(keptJSON)); err != nil {
		return core.GroupingResult{}, err
	}
	result := core.GroupingResult{Comments: len(docs)}
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*), COALESCE(SUM(members - 1), 0) FROM comment_groups WHERE consultation_id = ? AND members >= 2`,
		c.ID).Scan(&result.Groups, &result.Duplicates); err != nil {
		return result, err
	}
	if err := tx.audit("update", "consultation", c.ID, "意见自动归并 "+c.PolicyTitle, []Change{
		{Field: "auto_groups", Old: before, New: result.Groups}, {Field: "duplicates", New: result.Duplicates},
	}); err != nil {
		return result, err
	}
	return result, nil
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

// groupable is a comment regrouping may move: its text and its automatic group (0 for none).
type groupable struct {
	ID      int64
	Body    string
	GroupID int64
}

// groupableDocs are the comments not pinned in a manual group, in id order.
func groupableDocs(ctx context.Context, tx *Tx, consultationID int64) ([]groupable, error) {
	return queryAll(ctx, tx, func(sc scanner) (groupable, error) {
		var d groupable
		err := sc.Scan(&d.ID, &d.Body, &d.GroupID)
		return d, err
	}, `SELECT m.id, m.body, COALESCE(m.group_id, 0) FROM live_comments m LEFT JOIN comment_groups g ON g.id = m.group_id
		WHERE m.consultation_id = ? AND (m.group_id IS NULL OR g.manual = 0) ORDER BY m.id`, consultationID)
}

func commentTexts(docs []groupable) []core.CommentText {
	out := make([]core.CommentText, len(docs))
	for i, d := range docs {
		out[i] = core.CommentText{ID: d.ID, Body: d.Body}
	}
	return out
}

func (tx *Tx) insertGroup(ctx context.Context, consultationID, representative int64, similarity float64, manual bool, members []int64) (int64, error) {
	id, err := tx.insert(ctx, `INSERT INTO comment_groups (consultation_id, representative_id, similarity, manual, created_at) VALUES (?, ?, ?, ?, ?)`,
		consultationID, representative, similarity, manual, tx.Stamp())
	if err != nil || len(members) == 0 {
		return id, err
	}
	ids, err := json.Marshal(members)
	if err != nil {
		return 0, err
	}
	return id, tx.moveToGroup(ctx, id, ids)
}

// moveToGroup puts the comments (a JSON array of ids) into a group in one statement, writing only those
// not in it yet, and counts the members of the groups it touched. It is the one way comments change group
// (a group's deletion aside, which leaves no count to keep).
func (tx *Tx) moveToGroup(ctx context.Context, groupID int64, ids []byte) error {
	left, err := queryAll(ctx, tx, scanValue[int64], `SELECT DISTINCT group_id FROM comments WHERE id IN (SELECT value FROM json_each(?))
		AND group_id IS NOT NULL AND group_id <> ?`, string(ids), groupID)
	if err != nil {
		return err
	}
	touched := append([]int64{groupID}, left...)
	// Bumping the version here spares the version trigger a second write of every row.
	if _, err := tx.ExecContext(ctx, `UPDATE comments SET group_id = ?, version = version + 1 WHERE id IN (SELECT value FROM json_each(?)) AND group_id IS NOT ?`,
		groupID, string(ids), groupID); err != nil {
		return err
	}
	return tx.countMembers(ctx, touched...)
}

// countMembers sets the member count of groups whose members changed.
func (tx *Tx) countMembers(ctx context.Context, groups ...int64) error {
	ids, err := json.Marshal(groups)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `UPDATE comment_groups SET members = (SELECT COUNT(*) FROM comments WHERE group_id = comment_groups.id)
		WHERE id IN (SELECT value FROM json_each(?))`, string(ids))
	return err
}

// groupPreview is how many members (by id, the representative added) a group in the list carries; the
// comment list filtered by the group shows them all.
const groupPreview = 50

// listGroups returns the consultation's groups, largest first, each with its size, its members' common
// decision and its first members: a constant number of queries, however large a campaign.
func listGroups(ctx context.Context, tx *Tx, consultationID int64) ([]core.CommentGroup, error) {
	groups, err := queryAll(ctx, tx, func(sc scanner) (core.CommentGroup, error) {
		g := core.CommentGroup{Members: []core.Comment{}}
		var low, high sql.NullString
		err := sc.Scan(&g.ID, &g.ConsultationID, &g.RepresentativeID, &g.Similarity, &g.Manual, &g.Count, &low, &high)
		switch {
		case !low.Valid:
		case low.String == high.String:
			g.Decision = low.String
		default:
			g.Decision = mixedDecisions
		}
		return g, err
	}, `SELECT g.id, g.consultation_id, COALESCE(g.representative_id, 0), g.similarity, g.manual, g.members,
			(SELECT MIN(decision) FROM comments WHERE group_id = g.id), (SELECT MAX(decision) FROM comments WHERE group_id = g.id)
		FROM comment_groups g WHERE g.consultation_id = ? ORDER BY g.members DESC, g.id`, consultationID)
	if err != nil {
		return nil, err
	}
	index := make(map[int64]int, len(groups))
	for i, g := range groups {
		index[g.ID] = i
	}
	members, err := queryComments(ctx, tx, `WHERE m.id IN (
			SELECT id FROM (SELECT x.id, ROW_NUMBER() OVER (PARTITION BY x.group_id ORDER BY x.id) AS n
				FROM comments x WHERE x.consultation_id = ? AND x.group_id IS NOT NULL) ranked WHERE n <= ?
			UNION SELECT representative_id FROM comment_groups WHERE consultation_id = ?)
		AND m.group_id IS NOT NULL ORDER BY m.id`, consultationID, groupPreview, consultationID)
	if err != nil {
		return nil, err
	}
	for _, m := range members {
		i, ok := index[m.GroupID]
		if !ok {
			continue
		}
		g := &groups[i]
		g.Members = append(g.Members, m)
		if m.ID == g.RepresentativeID {
			g.Representative = m
		}
	}
	return groups, nil
}

// mixedDecisions is a group's decision when its members were answered differently.
const mixedDecisions = "不一致"

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
	return inWrite(ctx, s.db, func(tx *Tx) (core.CommentGroup, error) {
		var members []int64
		for _, gid := range m.GroupIDs {
			ids, err := queryAll(ctx, tx, scanValue[int64], `SELECT m.id FROM comment_groups g JOIN comments m ON m.group_id = g.id WHERE g.id = ? AND g.consultation_id = ?`, gid, m.ConsultationID)
			if err != nil {
				return core.CommentGroup{}, err
			}
			if len(ids) == 0 {
				return core.CommentGroup{}, core.Errorf(core.ENOTFOUND, "意见组不存在(编号%d)", gid)
			}
			members = append(members, ids...)
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
			var err error
			if target, err = tx.insertGroup(ctx, m.ConsultationID, rep, 0, true, nil); err != nil {
				return core.CommentGroup{}, err
			}
		}
		ids, err := json.Marshal(members)
		if err != nil {
			return core.CommentGroup{}, err
		}
		if err := tx.moveToGroup(ctx, target, ids); err != nil {
			return core.CommentGroup{}, err
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
				return g, nil
			}
		}
		return core.CommentGroup{}, fmt.Errorf("merged group %d vanished", target)
	})
}

// groupSimilarity is the lowest similarity of a member to the representative.
func (s *ConsultationStore) groupSimilarity(ctx context.Context, tx *Tx, groupID, rep int64) (float64, error) {
	docs, err := queryAll(ctx, tx, func(sc scanner) (core.CommentText, error) {
		var d core.CommentText
		err := sc.Scan(&d.ID, &d.Body)
		return d, err
	}, `SELECT id, body FROM comments WHERE group_id = ?`, groupID)
	if err != nil {
		return 0, err
	}
	var lead core.CommentText
	for _, d := range docs {
		if d.ID == rep {
			lead = d
		}
	}
	// A campaign repeats one text thousands of times: each distinct text is compared once.
	low, seen := 1.0, map[string]bool{lead.Body: true}
	for _, d := range docs {
		if !seen[d.Body] {
			seen[d.Body] = true
			low = min(low, s.grouper.Similarity(lead, d))
		}
	}
	return low, nil
}

// Decide records the answer to a comment, or to every member of a group. A group (a campaign of thousands)
// is answered in one statement with one audit entry naming the members whose answer changed.
func (s *ConsultationStore) Decide(ctx context.Context, d core.Decision) ([]core.Comment, error) {
	d, err := s.db.rules.Consultation.CheckDecision(d)
	if err != nil {
		return nil, err
	}
	if d.CommentID == 0 {
		if err := s.db.write(ctx, func(tx *Tx) error { return tx.decideGroup(ctx, d) }); err != nil {
			return nil, err
		}
		// The members are read after the write: the write turn is not held for them.
		return inRead(ctx, s.db, func(tx *Tx) ([]core.Comment, error) {
			return queryComments(ctx, tx, `WHERE m.group_id = ? ORDER BY m.id`, d.GroupID)
		})
	}
	return inWrite(ctx, s.db, func(tx *Tx) ([]core.Comment, error) {
		c, err := findComment(ctx, tx, d.CommentID)
		if err != nil {
			return nil, err
		}
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
		return []core.Comment{saved}, err
	})
}

// decideGroup answers every member of a group at once.
func (tx *Tx) decideGroup(ctx context.Context, d core.Decision) error {
	type answer struct{ decision, reason, response string }
	var changed []int64
	before := map[answer]int{}
	var old answer
	members := 0
	err := queryEach(ctx, tx, func(sc scanner) error {
		var id int64
		var a answer
		if err := sc.Scan(&id, &a.decision, &a.reason, &a.response); err != nil {
			return err
		}
		members++
		if a != (answer{d.Decision, d.Reason, d.Response}) {
			changed = append(changed, id)
			before[a]++
			old = a
		}
		return nil
	}, `SELECT id, decision, reason, response FROM comments WHERE group_id = ? ORDER BY id`, d.GroupID)
	if err != nil {
		return err
	}
	if members == 0 {
		return core.Errorf(core.ENOTFOUND, "意见组不存在(编号%d)", d.GroupID)
	}
	// The version moves in the statement itself, which spares the version trigger a second write of every row.
	if _, err := tx.ExecContext(ctx, `UPDATE comments SET decision = ?, reason = ?, response = ?, decided_by = ?, decided_at = ?,
		updated_at = ?, updated_by = ?, version = version + 1 WHERE group_id = ?`,
		d.Decision, d.Reason, d.Response, tx.actorID(), tx.Stamp(), tx.Stamp(), tx.actorID(), d.GroupID); err != nil {
		return err
	}
	if len(changed) > 0 {
		if len(before) > 1 {
			old = answer{mixedDecisions, mixedDecisions, mixedDecisions}
		}
		cs := diff(Columns{{"decision", old.decision}, {"reason", old.reason}, {"response", old.response}},
			Columns{{"decision", d.Decision}, {"reason", d.Reason}, {"response", d.Response}})
		cs = append(cs, Change{Field: "comments", New: changed})
		if err := tx.audit("update", "comment_group", d.GroupID, fmt.Sprintf("意见处理(整组%d条)：%s", len(changed), d.Decision), cs); err != nil {
			return err
		}
	}
	return nil
}
