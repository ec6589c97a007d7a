package core

import (
	"crypto/rand"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// CreateKeyFile writes a new random key of size bytes at path, readable by the owner only. The key is
// written to a temporary file and linked into place, so a crash never leaves a short key and two writers
// agree on one key: when another was first, its key is returned.
func CreateKeyFile(path string, size int) ([]byte, error) {
	key := make([]byte, size)
	if _, err := rand.Read(key); err != nil {
		return nil, err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".*.partial")
	if err != nil {
		return nil, err
	}
	defer os.Remove(tmp.Name()) // CreateTemp makes it 0600: readable by the owner only
	if _, err := tmp.Write(key); err != nil {
		tmp.Close()
		return nil, err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return nil, err
	}
	if err := tmp.Close(); err != nil {
		return nil, err
	}
	if err := os.Link(tmp.Name(), path); errors.Is(err, fs.ErrExist) {
		return os.ReadFile(path) // another writer was first: use its key
	} else if err != nil {
		return nil, err
	}
	return key, nil
}

// Sealer keeps a secret stored in the database (the mail account's password) unreadable without a key kept
// outside it; purpose is bound to the sealed value, so one sealed for one setting cannot be replayed into
// another.
type Sealer interface {
	Seal(purpose, plain string) (string, error)
	Open(purpose, sealed string) (string, error)
}
