// Package seal keeps secrets stored in the database (the mail account's password) sealed with AES-256-GCM
// under a key in the data directory, beside the database and never inside it, so a copied database or a
// backup carries no usable password.
package seal

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"policydesk/internal/core"
)

// SecretKeyFile is the name of the key file in the data directory.
const SecretKeyFile = "secret.key"

const (
	keySize      = 32 // AES-256
	sealedPrefix = "v1:"
)

// KeyFile seals with the key at Path, created on first use (core.Sealer).
type KeyFile struct{ Path string }

var _ core.Sealer = KeyFile{}

// errUnreadable is what the user sees when a sealed password cannot be opened: the key file is missing,
// damaged or another one (the database came from another computer or a backup elsewhere).
func errUnreadable(detail string) error {
	return core.FieldErrorf(core.EINVALID, "password",
		"收件邮箱密码无法解密(%s)，请在“设置 → 收件邮箱”中重新填写密码并保存", detail)
}

// key reads the key file; create makes one when there is none yet.
func (k KeyFile) key(create bool) ([]byte, error) {
	key, err := os.ReadFile(k.Path)
	if errors.Is(err, fs.ErrNotExist) {
		if !create {
			return nil, errUnreadable("密钥文件 " + SecretKeyFile + " 不存在")
		}
		if key, err = core.CreateKeyFile(k.Path, keySize); err != nil {
			return nil, fmt.Errorf("创建密钥文件失败：%w", err)
		}
	} else if err != nil {
		return nil, fmt.Errorf("读取密钥文件 %s 失败：%w", k.Path, err)
	}
	if len(key) != keySize {
		return nil, errUnreadable("密钥文件 " + SecretKeyFile + " 已损坏")
	}
	return key, nil
}

// aead is the cipher under the key file's key; create makes the key file when there is none yet.
func (k KeyFile) aead(create bool) (cipher.AEAD, error) {
	key, err := k.key(create)
	if err != nil {
		return nil, err
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	return cipher.NewGCM(block)
}

// Seal encrypts plain with the key (created on first use), bound to purpose.
func (k KeyFile) Seal(purpose, plain string) (string, error) {
	a, err := k.aead(true)
	if err != nil {
		return "", err
	}
	nonce := make([]byte, a.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		return "", err
	}
	return sealedPrefix + base64.StdEncoding.EncodeToString(a.Seal(nonce, nonce, []byte(plain), []byte(purpose))), nil
}

// Open decrypts a value Seal made for the same purpose.
func (k KeyFile) Open(purpose, sealed string) (string, error) {
	data, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(sealed, sealedPrefix))
	if err != nil || !strings.HasPrefix(sealed, sealedPrefix) {
		return "", errUnreadable("保存的密码格式不正确")
	}
	a, err := k.aead(false)
	if err != nil {
		return "", err
	}
	if len(data) < a.NonceSize() {
		return "", errUnreadable("保存的密码格式不正确")
	}
	plain, err := a.Open(nil, data[:a.NonceSize()], data[a.NonceSize():], []byte(purpose))
	if err != nil {
		return "", errUnreadable("密钥文件 " + SecretKeyFile + " 与数据库不匹配")
	}
	return string(plain), nil
}
