package mailbox

import (
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"net/textproto"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/simplifiedchinese"

	"policydesk/internal/core"
	"policydesk/internal/docimport"
)

// Limits that keep a hostile or broken mail from exhausting memory.
const (
	maxMailSize  = 30 << 20 // bytes of one raw mail
	maxMIMEDepth = 8        // nested multiparts
	maxParts     = 200      // parts of one mail
)

// Mail is an e-mail read for the mailbox: who sent it, its text and its attachments.
type Mail struct {
	MessageID   string
	FromName    string
	FromAddress string
	Subject     string
	Date        time.Time // zero when the Date header is missing or unreadable
	Text        string    // the plain text, or the HTML part turned into text
	Attachments []MailAttachment
}

// MailAttachment is a file attached to a mail, decoded.
type MailAttachment struct {
	FileName string
	MimeType string
	Data     []byte
}

// wordDecoder decodes RFC 2047 words in any charset x/text knows (GB2312 is read as GBK, its superset).
var wordDecoder = &mime.WordDecoder{CharsetReader: charsetReader}

func charsetReader(label string, r io.Reader) (io.Reader, error) {
	enc, err := htmlindex.Get(label)
	if err != nil {
		return nil, fmt.Errorf("unknown charset %q", label)
	}
	return enc.NewDecoder().Reader(r), nil
}

// decodeHeader decodes a header value: RFC 2047 words, and raw 8-bit GBK that some Chinese clients send
// without encoding it.
func decodeHeader(v string) string {
	if !utf8.ValidString(v) {
		if s, err := simplifiedchinese.GB18030.NewDecoder().String(v); err == nil {
			v = s
		}
	}
	if s, err := wordDecoder.DecodeHeader(v); err == nil {
		v = s
	}
	return strings.TrimSpace(v)
}

// ParseMail reads a raw RFC 5322 mail with its MIME parts. Text parts are converted to UTF-8 from their
// declared charset (or detected when undeclared); HTML is used only when there is no plain text part.
func ParseMail(raw []byte) (Mail, error) {
	if len(raw) > maxMailSize {
		return Mail{}, core.Errorf(core.EINVALID, "邮件过大(%d MB)，未收取", len(raw)>>20)
	}
	msg, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		return Mail{}, core.Errorf(core.EINVALID, "邮件格式无法识别：%v", err)
	}
	m := Mail{
		MessageID: strings.Trim(strings.TrimSpace(msg.Header.Get("Message-Id")), "<>"),
		Subject:   decodeHeader(msg.Header.Get("Subject")),
	}
	if d, err := msg.Header.Date(); err == nil {
		m.Date = d
	}
	m.FromName, m.FromAddress = parseFrom(msg.Header.Get("From"))
	p := &partWalker{}
	if err := p.walk(textproto.MIMEHeader(msg.Header), msg.Body, 0); err != nil {
		return m, core.Errorf(core.EINVALID, "邮件内容无法读取：%v", err)
	}
	m.Attachments = p.attachments
	switch {
	case p.plain.Len() > 0:
		m.Text = p.plain.String()
	case p.html.Len() > 0:
		m.Text = HTMLToText(p.html.String())
	}
	m.Text = tidyText(m.Text)
	return m, nil
}

func parseFrom(v string) (name, addr string) {
	if v == "" {
		return "", ""
	}
	if !utf8.ValidString(v) {
		v = decodeHeader(v)
	}
	parser := mail.AddressParser{WordDecoder: wordDecoder}
	if a, err := parser.Parse(v); err == nil {
		return strings.TrimSpace(a.Name), strings.ToLower(a.Address)
	}
	return decodeHeader(v), ""
}

// partWalker collects the text and attachments of a MIME tree.
type partWalker struct {
	plain, html bytes.Buffer
	attachments []MailAttachment
	parts       int
}

func (p *partWalker) walk(h textproto.MIMEHeader, body io.Reader, depth int) error {
	if p.parts++; p.parts > maxParts {
		return errors.New("too many parts")
	}
	mediaType, params, err := mime.ParseMediaType(h.Get("Content-Type"))
	if err != nil {
		mediaType, params = "text/plain", map[string]string{}
	}
	if strings.HasPrefix(mediaType, "multipart/") {
		if depth >= maxMIMEDepth {
			return errors.New("multipart nested too deeply")
		}
		if params["boundary"] == "" {
			return errors.New("multipart without boundary")
		}
		mr := multipart.NewReader(body, params["boundary"])
		for {
			part, err := mr.NextRawPart()
			if err == io.EOF {
				return nil
			}
			if err != nil {
				return err
			}
			if err := p.walk(part.Header, part, depth+1); err != nil {
				return err
			}
		}
	}
	data, err := io.ReadAll(io.LimitReader(transferDecoder(h.Get("Content-Transfer-Encoding"), body), maxMailSize))
	if err != nil {
		return err
	}
	disposition, dparams, _ := mime.ParseMediaType(h.Get("Content-Disposition"))
	name := dparams["filename"]
	if name == "" {
		name = params["name"]
	}
	name = decodeHeader(name)
	isText := mediaType == "text/plain" || mediaType == "text/html"
	if disposition == "attachment" || !isText || name != "" {
		if name == "" {
			name = "附件" + extensionFor(mediaType)
		}
		p.attachments = append(p.attachments, MailAttachment{FileName: name, MimeType: mediaType, Data: data})
		return nil
	}
	text := decodeCharset(params["charset"], data)
	if mediaType == "text/html" {
		p.html.WriteString(text)
	} else {
		if p.plain.Len() > 0 {
			p.plain.WriteString("\n\n")
		}
		p.plain.WriteString(text)
	}
	return nil
}

func extensionFor(mediaType string) string {
	if exts, err := mime.ExtensionsByType(mediaType); err == nil && len(exts) > 0 {
		return exts[0]
	}
	return ""
}

// transferDecoder undoes a Content-Transfer-Encoding. Base64 bodies often carry line breaks and stray
// spaces, which the decoder must skip.
func transferDecoder(cte string, r io.Reader) io.Reader {
	switch strings.ToLower(strings.TrimSpace(cte)) {
	case "base64":
		return base64.NewDecoder(base64.StdEncoding, &base64Cleaner{r: r})
	case "quoted-printable":
		return quotedprintable.NewReader(r)
	}
	return r
}

// base64Cleaner drops bytes that are not part of the base64 alphabet (line breaks, spaces).
type base64Cleaner struct{ r io.Reader }

func (c *base64Cleaner) Read(p []byte) (int, error) {
	for {
		n, err := c.r.Read(p)
		j := 0
		for _, b := range p[:n] {
			if b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b == '+' || b == '/' || b == '=' {
				p[j] = b
				j++
			}
		}
		if j > 0 || err != nil {
			return j, err
		}
	}
}

// decodeCharset converts a text part to UTF-8: the declared charset when x/text knows it, otherwise the
// same detection as imported files (UTF-8, else GB18030).
func decodeCharset(label string, data []byte) string {
	label = strings.ToLower(strings.TrimSpace(label))
	if label != "" && label != "us-ascii" && label != "utf-8" && label != "utf8" {
		if enc, err := htmlindex.Get(label); err == nil {
			if s, err := enc.NewDecoder().Bytes(data); err == nil {
				return string(s)
			}
		}
	}
	if utf8.Valid(data) {
		return string(data)
	}
	if s, _, err := docimport.DecodeText(data); err == nil {
		return s
	}
	return strings.ToValidUTF8(string(data), "\uFFFD")
}

// blockTags end a line when turning HTML into text.
var blockTags = map[string]bool{"p": true, "div": true, "br": true, "li": true, "tr": true, "h1": true, "h2": true,
	"h3": true, "h4": true, "h5": true, "h6": true, "blockquote": true, "table": true, "ul": true, "ol": true, "hr": true}

// HTMLToText keeps the readable text of an HTML mail: block elements become line breaks, scripts and
// styles are dropped, entities decoded.
func HTMLToText(s string) string {
	z := html.NewTokenizer(strings.NewReader(s))
	var b strings.Builder
	skip := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return tidyText(b.String())
		case html.TextToken:
			if skip == 0 {
				b.WriteString(strings.Join(strings.Fields(string(z.Text())), " "))
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			switch t := string(name); {
			case t == "script" || t == "style" || t == "head" || t == "title":
				skip++
			case blockTags[t]:
				newline(&b)
			case t == "td" || t == "th":
				b.WriteByte(' ')
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			switch t := string(name); {
			case t == "script" || t == "style" || t == "head" || t == "title":
				if skip > 0 {
					skip--
				}
			case blockTags[t]:
				newline(&b)
			}
		}
	}
}

// newline ends the current line unless it is already ended, so nested blocks give no blank lines.
func newline(b *strings.Builder) {
	if s := b.String(); s != "" && !strings.HasSuffix(s, "\n") {
		b.WriteByte('\n')
	}
}

// tidyText normalises line ends, trims each line and keeps at most one blank line in a row.
func tidyText(s string) string {
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	var out []string
	blank := 0
	for _, line := range strings.Split(s, "\n") {
		line = strings.TrimSpace(strings.ReplaceAll(line, "\u00a0", " "))
		if line == "" {
			if blank++; blank > 1 || len(out) == 0 {
				continue
			}
		} else {
			blank = 0
		}
		out = append(out, line)
	}
	return strings.TrimSpace(strings.Join(out, "\n"))
}
