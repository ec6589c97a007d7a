package app

import (
	"encoding/base64"
	"os"
	"path/filepath"
	"strings"

	"policydesk/internal/core"
	"policydesk/internal/docimport"
)

// The one way a file reaches the Go side for an import: chosen on the desk (a path) or picked in a browser
// (a name and base64 content). Both refuse, with EIMPORT and the file's name, anything larger than an
// importer reads (docimport.MaxFileSize) before reading or decoding it.

// readChosenFile reads a file the user chose on the desk.
func readChosenFile(path string) (string, []byte, error) {
	name := filepath.Base(path)
	info, err := os.Stat(path)
	if err != nil {
		return name, nil, core.Errorf(core.EIMPORT, "无法读取文件%s，请确认文件存在且未被其他程序占用", name)
	}
	if info.Size() > docimport.MaxFileSize {
		return name, nil, tooLarge(name)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return name, nil, core.Errorf(core.EIMPORT, "无法读取文件%s，请确认文件存在且未被其他程序占用", name)
	}
	return name, data, nil
}

// decodeUpload decodes a file uploaded from a browser as base64 (with or without a data: URL prefix).
func decodeUpload(name, dataBase64 string) ([]byte, error) {
	if i := strings.Index(dataBase64, ";base64,"); i >= 0 && strings.HasPrefix(dataBase64, "data:") {
		dataBase64 = dataBase64[i+len(";base64,"):]
	}
	dataBase64 = strings.TrimSpace(dataBase64)
	if base64.StdEncoding.DecodedLen(len(dataBase64)) > docimport.MaxFileSize+2 {
		return nil, tooLarge(name)
	}
	data, err := base64.StdEncoding.DecodeString(dataBase64)
	if err != nil {
		return nil, core.Errorf(core.EIMPORT, "%s：文件内容无法读取(上传的数据不是有效的 base64)", name)
	}
	if len(data) > docimport.MaxFileSize {
		return nil, tooLarge(name)
	}
	return data, nil
}

func tooLarge(name string) error {
	return core.Errorf(core.EIMPORT, "%s：文件超过%d MB的上限", name, docimport.MaxFileSize>>20)
}
