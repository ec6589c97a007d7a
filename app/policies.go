package app

import (
	"context"

	"policydesk/internal/core"
	"policydesk/internal/intake"
)

// PolicyService is the bridge of the policy register (文件库) that every module shares: policies, their
// status, and the texts of their versions split into clauses.
type PolicyService struct {
	ctx   context.Context
	store core.PolicyStore
	emit  Emitter
}

// NewPolicyService wraps the policy store.
func NewPolicyService(store core.PolicyStore, emit Emitter) *PolicyService {
	return &PolicyService{ctx: context.Background(), store: store, emit: emit}
}

// startup keeps the Wails context.
func (s *PolicyService) startup(ctx context.Context) { s.ctx = ctx }

// PolicyOptions are the value lists of the policy forms.
type PolicyOptions struct {
	Categories      []string `json:"categories"`
	Statuses        []string `json:"statuses"`
	DisclosureTypes []string `json:"disclosureTypes"`
	VersionKinds    []string `json:"versionKinds"`
}

// Options lists the categories, statuses, 公开属性 and version kinds.
func (s *PolicyService) Options() (PolicyOptions, error) {
	return nonNil(PolicyOptions{Categories: core.PolicyCategories, Statuses: core.PolicyStatuses, DisclosureTypes: core.DisclosureTypes,
		VersionKinds: core.VersionKinds}, nil)
}

func (s *PolicyService) changed(id int64) { s.emit(EventPoliciesChanged, id) }

// ListPolicies lists the register, filtered and paged.
func (s *PolicyService) ListPolicies(f core.PolicyFilter) (core.PolicyPage, error) {
	return nonNil(s.store.Policies(s.ctx, f))
}

// GetPolicy returns a policy with its versions, consultations and next statuses.
func (s *PolicyService) GetPolicy(id int64) (core.PolicyDetail, error) {
	return nonNil(s.store.Policy(s.ctx, id))
}

// SavePolicy registers (id 0) or edits a policy.
func (s *PolicyService) SavePolicy(p core.Policy) (core.Policy, error) {
	out, err := s.store.SavePolicy(s.ctx, p)
	if err == nil {
		s.changed(out.ID)
	}
	return out, err
}

// DeletePolicy deletes a policy still in 起草 without consultations.
func (s *PolicyService) DeletePolicy(id int64) error {
	err := s.store.DeletePolicy(s.ctx, id)
	if err == nil {
		s.changed(id)
	}
	return err
}

// SetPolicyStatus moves a policy along 起草 → 征求意见 → 审签 → 已发布 → 已废止/已修订.
func (s *PolicyService) SetPolicyStatus(c core.PolicyStatusChange) (core.Policy, error) {
	out, err := s.store.SetPolicyStatus(s.ctx, c)
	if err == nil {
		s.changed(out.ID)
	}
	return out, err
}

func (s *PolicyService) addVersion(in core.VersionInput) (core.PolicyVersion, error) {
	text, err := intake.ReadVersion(in)
	if err != nil {
		return core.PolicyVersion{}, err
	}
	v, err := s.store.AddVersion(s.ctx, in, text)
	if err == nil {
		s.changed(v.PolicyID)
	}
	return v, err
}

// ImportVersionFile imports a version's text from a PDF, DOCX or TXT file chosen with ChooseFile.
func (s *PolicyService) ImportVersionFile(policyID int64, kind, versionDate, path string) (core.PolicyVersion, error) {
	name, data, err := readChosenFile(path)
	if err != nil {
		return core.PolicyVersion{}, err
	}
	return nonNil(s.addVersion(core.VersionInput{PolicyID: policyID, Kind: kind, VersionDate: versionDate, FileName: name, Data: data}))
}

// ImportVersionData is ImportVersionFile for a file picked in the browser (name and base64 content).
func (s *PolicyService) ImportVersionData(policyID int64, kind, versionDate, name, dataBase64 string) (core.PolicyVersion, error) {
	data, err := decodeUpload(name, dataBase64)
	if err != nil {
		return core.PolicyVersion{}, err
	}
	return nonNil(s.addVersion(core.VersionInput{PolicyID: policyID, Kind: kind, VersionDate: versionDate, FileName: name, Data: data}))
}

// AddVersionText stores pasted text as a version.
func (s *PolicyService) AddVersionText(policyID int64, kind, versionDate, text string) (core.PolicyVersion, error) {
	return nonNil(s.addVersion(core.VersionInput{PolicyID: policyID, Kind: kind, VersionDate: versionDate, Text: text}))
}

// GetVersion returns one version with its text.
func (s *PolicyService) GetVersion(id int64) (core.PolicyVersion, error) {
	return nonNil(s.store.Version(s.ctx, id))
}

// ListClauses lists a version's clauses in document order.
func (s *PolicyService) ListClauses(versionID int64) ([]core.Clause, error) {
	return nonNil(s.store.Clauses(s.ctx, versionID))
}

// ChooseFile opens the native file dialog; "" means the user cancelled.
func (s *PolicyService) ChooseFile(title string, filters []FileFilter) (string, error) {
	return chooseFile(s.ctx, title, filters)
}
