package sqlite

import (
	"context"
	"strconv"
	"strings"

	"policydesk/internal/calendar"
	"policydesk/internal/core"
)

// PolicyStore implements core.PolicyStore: the policy register and the texts of each policy's versions.
type PolicyStore struct {
	db  *DB
	cal func() *calendar.Calendar
}

var _ core.PolicyStore = (*PolicyStore)(nil)

// NewPolicyStore returns the policy register over db; cal gives the live working-day calendar, which the
// consultations listed on a policy's page need for their status and earliest close date.
func NewPolicyStore(db *DB, cal func() *calendar.Calendar) *PolicyStore {
	return &PolicyStore{db: db, cal: cal}
}

const policyCols = `p.id, p.title, p.doc_number, p.category, p.section_id, COALESCE(s.name, ''), COALESCE(p.drafter_id, 0),
	COALESCE(d.name, ''), p.disclosure, p.disclosure_basis, p.enterprise_related, p.status, COALESCE(p.published_date, ''),
	p.published_url, (SELECT COUNT(*) FROM policy_versions v WHERE v.policy_id = p.id),
	(SELECT COUNT(*) FROM consultations c WHERE c.policy_id = p.id), p.created_at, p.updated_at, p.version`

const policyFrom = ` FROM policies p LEFT JOIN sections s ON s.id = p.section_id LEFT JOIN people d ON d.id = p.drafter_id`

func scanPolicy(sc interface{ Scan(...any) error }) (core.Policy, error) {
	var p core.Policy
	err := sc.Scan(&p.ID, &p.Title, &p.DocNumber, &p.Category, &p.SectionID, &p.SectionName, &p.DrafterID, &p.DrafterName,
		&p.Disclosure, &p.DisclosureBasis, &p.EnterpriseRelated, &p.Status, &p.PublishedDate, &p.PublishedURL,
		&p.VersionCount, &p.Consultations, &p.CreatedAt, &p.UpdatedAt, &p.Version)
	return p, err
}

func findPolicy(ctx context.Context, tx *Tx, id int64) (core.Policy, error) {
	p, err := scanPolicy(tx.QueryRowContext(ctx, `SELECT `+policyCols+policyFrom+` WHERE p.id = ?`, id))
	return p, notFound(err, "文件不存在(编号%d)", id)
}

// likePattern escapes a user's search text for LIKE ... ESCAPE '\'.
func likePattern(q string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return "%" + r.Replace(strings.TrimSpace(q)) + "%"
}

// pageLimit bounds a page size: 50 by default, 500 at most.
func pageLimit(n int) int {
	if n <= 0 {
		return 50
	}
	return min(n, 500)
}

// Policies lists the register, newest first, filtered and paged.
func (s *PolicyStore) Policies(ctx context.Context, f core.PolicyFilter) (core.PolicyPage, error) {
	var c conditions
	equal(&c, "p.status", f.Status)
	equal(&c, "p.category", f.Category)
	equal(&c, "p.section_id", f.SectionID)
	if strings.TrimSpace(f.Query) != "" {
		c.add(`(p.title LIKE ? ESCAPE '\' OR p.doc_number LIKE ? ESCAPE '\')`, likePattern(f.Query), likePattern(f.Query))
	}
	cond, args := c.clause(), c.args
	total, policies, err := queryPage(ctx, s.db.db, scanPolicy, `SELECT COUNT(*) FROM policies p`+cond,
		`SELECT `+policyCols+policyFrom+cond+` ORDER BY p.updated_at DESC, p.id DESC LIMIT ? OFFSET ?`, args, f.Limit, f.Offset)
	return core.PolicyPage{Total: total, Policies: policies}, err
}

// Policy returns a policy with its versions, consultations and the statuses it may move to.
func (s *PolicyStore) Policy(ctx context.Context, id int64) (core.PolicyDetail, error) {
	return inRead(ctx, s.db, func(tx *Tx) (core.PolicyDetail, error) {
		p, err := findPolicy(ctx, tx, id)
		if err != nil {
			return core.PolicyDetail{}, err
		}
		d := core.PolicyDetail{Policy: p, NextStatuses: core.NextPolicyStatuses(p.Status), Consultations: []core.Consultation{}}
		if d.Versions, err = listVersions(ctx, tx, id); err != nil {
			return d, err
		}
		rows, err := tx.QueryContext(ctx, `SELECT c.id FROM consultations c WHERE c.policy_id = ? ORDER BY c.open_date DESC, c.id DESC`, id)
		if err != nil {
			return d, err
		}
		var ids []int64
		for rows.Next() {
			var cid int64
			if err := rows.Scan(&cid); err != nil {
				rows.Close()
				return d, err
			}
			ids = append(ids, cid)
		}
		rows.Close()
		for _, cid := range ids {
			c, err := findConsultation(ctx, tx, s.cal(), cid)
			if err != nil {
				return d, err
			}
			d.Consultations = append(d.Consultations, c)
		}
		return d, nil
	})
}

// policyColumns are a policy's audited register columns.
func policyColumns(p core.Policy) Columns {
	return Columns{{"title", p.Title}, {"doc_number", p.DocNumber}, {"category", p.Category}, {"section_id", p.SectionID},
		{"drafter_id", storedID(p.DrafterID)}, {"disclosure", p.Disclosure}, {"disclosure_basis", p.DisclosureBasis}, {"enterprise_related", p.EnterpriseRelated}}
}

// SavePolicy creates (ID 0) or updates a policy's register fields. Status and publication change only
// through SetPolicyStatus, so that every move is checked.
func (s *PolicyStore) SavePolicy(ctx context.Context, p core.Policy) (core.Policy, error) {
	p.Title, p.DocNumber = strings.TrimSpace(p.Title), strings.TrimSpace(p.DocNumber)
	p.DisclosureBasis = strings.TrimSpace(p.DisclosureBasis)
	if err := s.db.rules.Consultation.ValidatePolicy(p); err != nil {
		return p, err
	}
	return inWrite(ctx, s.db, func(tx *Tx) (core.Policy, error) {
		if err := tx.checkVersion(ctx, "policies", "该政策文件", p.ID, p.Version); err != nil {
			return core.Policy{}, err
		}
		if _, err := findSection(ctx, tx, p.SectionID); err != nil {
			return p, err
		}
		if p.DrafterID != 0 {
			if _, err := findPerson(ctx, tx, p.DrafterID); err != nil {
				return p, err
			}
		}
		return saveRecord(ctx, tx, p.ID, p, record[core.Policy]{table: "policies", entity: "policy", by: true,
			created: "登记文件 " + p.Title, updated: "修改文件 " + p.Title, columns: policyColumns,
			first: Columns{{"status", core.PolicyDrafting}}, find: findPolicy})
	})
}

// DeletePolicy removes a policy still being drafted that has no consultation; anything further along is
// evidence of a decision and can only be repealed.
func (s *PolicyStore) DeletePolicy(ctx context.Context, id int64) error {
	return s.db.write(ctx, func(tx *Tx) error {
		p, err := findPolicy(ctx, tx, id)
		if err != nil {
			return err
		}
		if err := s.db.rules.Consultation.CheckDelete(p, false); err != nil {
			return err
		}
		return tx.deleteRecord(ctx, "policies", "policy", id, "删除文件 "+p.Title, []Change{{Field: "title", Old: p.Title, New: nil}},
			func() error { return s.db.rules.Consultation.CheckDelete(p, true) })
	})
}

// SetPolicyStatus moves a policy along its life (consult.CheckPolicyTransition, CheckPolicyMove and the 三同步 rules).
func (s *PolicyStore) SetPolicyStatus(ctx context.Context, c core.PolicyStatusChange) (core.Policy, error) {
	return inWrite(ctx, s.db, func(tx *Tx) (core.Policy, error) {
		p, err := tx.setPolicyStatus(ctx, c)
		if err != nil {
			return p, err
		}
		return p, nil
	})
}

func (tx *Tx) setPolicyStatus(ctx context.Context, c core.PolicyStatusChange) (core.Policy, error) {
	old, err := findPolicy(ctx, tx, c.PolicyID)
	if err != nil {
		return old, err
	}
	date, err := tx.db.rules.Consultation.CheckPolicyTransition(old.Status, c)
	if err != nil {
		return old, err
	}
	facts, err := tx.publicationFacts(ctx, old)
	if err != nil {
		return old, err
	}
	if err := tx.db.rules.Consultation.CheckPolicyMove(old.Status, c, facts); err != nil { // 30-day period, 公开属性, own sign-off
		return old, err
	}
	if err := tx.checkSyncRules(ctx, old.Status, c); err != nil { // 三同步 and the pre-publication check
		return old, err
	}
	published, url := old.PublishedDate, old.PublishedURL
	if c.Status == core.PolicyPublished {
		published, url = calendar.FormatDate(date), strings.TrimSpace(c.PublishedURL)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE policies SET status = ?, published_date = ?, published_url = ?, updated_at = ?, updated_by = ? WHERE id = ?`,
		c.Status, nullString(published), url, tx.Stamp(), tx.actorID(), c.PolicyID); err != nil {
		return old, err
	}
	changes := diff(Columns{{"status", old.Status}, {"published_date", old.PublishedDate}, {"published_url", old.PublishedURL}},
		Columns{{"status", c.Status}, {"published_date", published}, {"published_url", url}})
	if c.Reason != "" {
		changes = append(changes, Change{Field: "reason", New: c.Reason})
	}
	if err := tx.audit("state", "policy", c.PolicyID, "文件状态："+old.Status+" → "+c.Status, changes); err != nil {
		return old, err
	}
	return findPolicy(ctx, tx, c.PolicyID)
}

// versionCols end with the version's clause markers, one "level number" a line, from which the rules count
// its 条款 (consult.ClauseCount).
const versionCols = `v.id, v.policy_id, v.kind, v.version_date, v.file_name, v.format, v.encoding, v.created_at,
	(SELECT COALESCE(group_concat(c.level || ' ' || c.number, char(10)), '') FROM clauses c WHERE c.version_id = v.id)`

func (db *DB) scanVersion(sc interface{ Scan(...any) error }, more ...any) (core.PolicyVersion, error) {
	v := core.PolicyVersion{Warnings: []string{}}
	var markers string
	err := sc.Scan(append([]any{&v.ID, &v.PolicyID, &v.Kind, &v.VersionDate, &v.FileName, &v.Format, &v.Encoding, &v.CreatedAt, &markers}, more...)...)
	var clauses []core.Clause
	for line := range strings.SplitSeq(markers, "\n") {
		level, number, ok := strings.Cut(line, " ")
		if n, err := strconv.Atoi(level); ok && err == nil {
			clauses = append(clauses, core.Clause{Level: n, Number: number})
		}
	}
	v.ClauseCount = db.rules.Consultation.ClauseCount(clauses)
	return v, err
}

func listVersions(ctx context.Context, tx *Tx, policyID int64) ([]core.PolicyVersion, error) {
	return queryAll(ctx, tx, func(sc scanner) (core.PolicyVersion, error) { return tx.db.scanVersion(sc) }, `SELECT `+versionCols+` FROM policy_versions v WHERE v.policy_id = ? ORDER BY v.version_date, v.id`, policyID)
}

// AddVersion stores a version's text, read and split into its clauses by internal/intake (ReadVersion).
func (s *PolicyStore) AddVersion(ctx context.Context, in core.VersionInput, doc core.VersionText) (core.PolicyVersion, error) {
	date, err := s.db.rules.Consultation.CheckVersionDate(in.VersionDate)
	if err != nil {
		return core.PolicyVersion{}, err
	}
	return inWrite(ctx, s.db, func(tx *Tx) (core.PolicyVersion, error) {
		p, err := findPolicy(ctx, tx, in.PolicyID)
		if err != nil {
			return core.PolicyVersion{}, err
		}
		id, err := tx.insert(ctx, `INSERT INTO policy_versions (policy_id, kind, version_date, file_name, format, encoding, body, created_at, created_by)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, p.ID, in.Kind, calendar.FormatDate(date), in.FileName, doc.Format, doc.Encoding, doc.Text, tx.Stamp(), tx.actorID())
		if err != nil {
			return core.PolicyVersion{}, err
		}
		clauses := doc.Clauses
		stmt, err := tx.PrepareContext(ctx, `INSERT INTO clauses (version_id, path, level, number, heading, body, start_pos, end_pos, seq)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
		if err != nil {
			return core.PolicyVersion{}, err
		}
		defer stmt.Close()
		for i, c := range clauses {
			if _, err := stmt.ExecContext(ctx, id, c.Path, c.Level, c.Number, c.Heading, c.Body, c.Start, c.End, i+1); err != nil {
				return core.PolicyVersion{}, err
			}
		}
		if err := tx.audit("create", "policy_version", id, "导入"+in.Kind+" "+p.Title, []Change{
			{Field: "kind", New: in.Kind}, {Field: "file_name", New: in.FileName}, {Field: "clauses", New: len(clauses)}, {Field: "chars", New: len([]rune(doc.Text))},
		}); err != nil {
			return core.PolicyVersion{}, err
		}
		v, err := tx.db.scanVersion(tx.QueryRowContext(ctx, `SELECT `+versionCols+` FROM policy_versions v WHERE v.id = ?`, id))
		if err != nil {
			return v, err
		}
		v.Body = doc.Text
		if doc.Warnings != nil {
			v.Warnings = doc.Warnings
		}
		return v, nil
	})
}

// Version returns one version with its text.
func (s *PolicyStore) Version(ctx context.Context, id int64) (core.PolicyVersion, error) {
	row := s.db.db.QueryRowContext(ctx, `SELECT `+versionCols+`, v.body FROM policy_versions v WHERE v.id = ?`, id)
	var body string
	v, err := s.db.scanVersion(row, &body)
	v.Body = body
	return v, notFound(err, "文本不存在(编号%d)", id)
}

// Clauses lists a version's clauses in document order.
func (s *PolicyStore) Clauses(ctx context.Context, versionID int64) ([]core.Clause, error) {
	return listClauses(ctx, s.db.db, versionID)
}

func listClauses(ctx context.Context, q querier, versionID int64) ([]core.Clause, error) {
	return queryAll(ctx, q, func(r scanner) (c core.Clause, err error) {
		err = r.Scan(&c.ID, &c.VersionID, &c.Path, &c.Level, &c.Number, &c.Heading, &c.Body, &c.Start, &c.End, &c.Seq)
		return
	}, `SELECT id, version_id, path, level, number, heading, body, start_pos, end_pos, seq
		FROM clauses WHERE version_id = ? ORDER BY seq`, versionID)
}
