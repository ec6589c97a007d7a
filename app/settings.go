package app

import (
	"context"

	"policydesk/internal/core"
)

// SettingsService is the 设置 page's bridge: the bureau, sections, people and who uses this computer.
type SettingsService struct {
	ctx  context.Context
	svc  core.SettingsStore
	emit Emitter
}

// NewSettingsService wraps the settings store.
func NewSettingsService(svc core.SettingsStore, emit Emitter) *SettingsService {
	return &SettingsService{ctx: context.Background(), svc: svc, emit: emit}
}

// startup keeps the Wails context for the calls that follow.
func (s *SettingsService) startup(ctx context.Context) { s.ctx = ctx }

func (s *SettingsService) changed() { s.emit(EventSettingsChanged) }

// GetBureau returns the bureau's details.
func (s *SettingsService) GetBureau() (core.Bureau, error) { return s.svc.Bureau(s.ctx) }

// SaveBureau saves the bureau's details.
func (s *SettingsService) SaveBureau(b core.Bureau) (core.Bureau, error) {
	out, err := s.svc.SaveBureau(s.ctx, b)
	if err == nil {
		s.changed()
	}
	return out, err
}

// ListSections lists the sections (科室).
func (s *SettingsService) ListSections() ([]core.Section, error) {
	return nonNil(s.svc.Sections(s.ctx))
}

// SaveSection creates or updates a section.
func (s *SettingsService) SaveSection(sec core.Section) (core.Section, error) {
	out, err := s.svc.SaveSection(s.ctx, sec)
	if err == nil {
		s.changed()
	}
	return out, err
}

// DeleteSection deletes an empty section.
func (s *SettingsService) DeleteSection(id int64) error {
	err := s.svc.DeleteSection(s.ctx, id)
	if err == nil {
		s.changed()
	}
	return err
}

// ListPeople lists everyone who acts in PolicyDesk.
func (s *SettingsService) ListPeople() ([]core.Person, error) { return nonNil(s.svc.People(s.ctx)) }

// SavePerson creates or updates a person.
func (s *SettingsService) SavePerson(p core.Person) (core.Person, error) {
	out, err := s.svc.SavePerson(s.ctx, p)
	if err == nil {
		s.changed()
	}
	return out, err
}

// DeletePerson deletes a person who has no records.
func (s *SettingsService) DeletePerson(id int64) error {
	err := s.svc.DeletePerson(s.ctx, id)
	if err == nil {
		s.changed()
	}
	return err
}

// GetCurrentUser returns who is using this computer.
func (s *SettingsService) GetCurrentUser() (core.CurrentUser, error) { return s.svc.CurrentUser(s.ctx) }

// SetCurrentUser chooses who is using this computer.
func (s *SettingsService) SetCurrentUser(personID int64) (core.CurrentUser, error) {
	out, err := s.svc.SetCurrentUser(s.ctx, personID)
	if err == nil {
		s.changed()
	}
	return out, err
}

// Roles lists the roles with their Chinese names.
func (s *SettingsService) Roles() ([]core.Option, error) { return nonNil(core.RoleLabels, nil) }
