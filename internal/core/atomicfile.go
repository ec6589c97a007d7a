package core

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
)

// WriteFileAtomic writes a file so that its name only ever holds a complete version: the content goes to a
// temporary file beside path (created 0600, readable by the owner only), is synced, and is renamed into place.
// A failure leaves the earlier file, if any, untouched and no temporary file behind.
func WriteFileAtomic(path string, write func(w io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.partial")
	if err != nil {
		return err
	}
	name := tmp.Name()
	defer os.Remove(name) // a no-op once renamed
	if err := write(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(name, path)
}

// WriteDataAtomic is WriteFileAtomic for content already in memory.
func WriteDataAtomic(path string, data []byte) error {
	return WriteFileAtomic(path, func(w io.Writer) error {
		_, err := io.Copy(w, bytes.NewReader(data))
		return err
	})
}
