package sqlite

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"policydesk/internal/core"
)

// SecretKeyFile is the name of the key that seals secrets stored in the database (the mail account's
// password). It lives in the data directory beside the database, never inside it, so a copied database
// or a backup carries no usable password.
const SecretKeyFile = "secret.key"

const (
	secretKeySize = 32 // AES-256
	sealedPrefix  = "v1:"
)

// secretKeyPath is the key file of the data directory that holds the database.
func (db *DB) secretKeyPath() string { return filepath.Join(filepath.Dir(db.Path), SecretKeyFile) }

// errSecretUnreadable is what the user sees when a sealed password cannot be opened: the key file is
// missing, damaged or another one (the database came from another computer or a backup elsewhere).
func errSecretUnreadable(detail string) error {
	return core.FieldErrorf(core.EINVALID, "password",
		"收件邮箱密码无法解密(%s)，请在“设置 → 收件邮箱”中重新填写密码并保存", detail)
}

// readSecretKey reads the key file; create makes one when there is none yet.
func readSecretKey(path string, create bool) ([]byte, error) {
	key, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		if !create {
			return nil, errSecretUnreadable("密钥文件 " + SecretKeyFile + " 不存在")
		}
		return createKeyFile(path, SecretKeyFile)
	}
	if err != nil {
		return nil, fmt.Errorf("读取密钥文件 %s 失败：%w", path, err)
	}
	if len(key) != secretKeySize {
		return nil, errSecretUnreadable("密钥文件 " + SecretKeyFile + " 已损坏")
	}
	return key, nil
}

// createKeyFile writes a new random key readable by the owner only. The key is written to a temporary
// file and linked into place, so a crash never leaves a short key and two writers agree on one key.
func createKeyFile(path, name string) ([]byte, error) {
	key := make([]byte, secretKeySize)
	if _, err := rand.Read(key); err != nil {
		return nil, err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), name+".*.partial")
	if err != nil {
		return nil, fmt.Errorf("创建密钥文件失败：%w", err)
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
		if name != SecretKeyFile {
			return os.ReadFile(path) // another writer was first: use its key
		}
		return readSecretKey(path, false) // another writer was first: use its key
	} else if err != nil {
		return nil, fmt.Errorf("创建密钥文件失败：%w", err)
	}
	return key, nil
}

// secretAEAD is AES-GCM under key.
func secretAEAD(key []byte) (cipher.AEAD, error) {
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	return cipher.NewGCM(block)
}

// sealSecret encrypts plain with the data directory's key (created on first use); purpose is bound to the
// result, so a value sealed for one setting cannot be replayed into another.
func (db *DB) sealSecret(purpose, plain string) (string, error) {
	key, err := readSecretKey(db.secretKeyPath(), true)
	if err != nil {
		return "", err
	}
	aead, err := secretAEAD(key)
	if err != nil {
		return "", err
	}
	nonce := make([]byte, aead.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		return "", err
	}
	sealed := aead.Seal(nonce, nonce, []byte(plain), []byte(purpose))
	return sealedPrefix + base64.StdEncoding.EncodeToString(sealed), nil
}

// openSecret decrypts a value sealSecret made for the same purpose.
func (db *DB) openSecret(purpose, sealed string) (string, error) {
	data, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(sealed, sealedPrefix))
	if err != nil || !strings.HasPrefix(sealed, sealedPrefix) {
		return "", errSecretUnreadable("保存的密码格式不正确")
	}
	key, err := readSecretKey(db.secretKeyPath(), false)
	if err != nil {
		return "", err
	}
	aead, err := secretAEAD(key)
	if err != nil {
		return "", err
	}
	if len(data) < aead.NonceSize() {
		return "", errSecretUnreadable("保存的密码格式不正确")
	}
	plain, err := aead.Open(nil, data[:aead.NonceSize()], data[aead.NonceSize():], []byte(purpose))
	if err != nil {
		return "", errSecretUnreadable("密钥文件 " + SecretKeyFile + " 与数据库不匹配")
	}
	return string(plain), nil
}
