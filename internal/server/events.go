package server

import (
	"encoding/json"
	"fmt"
	"log/slog"
	"mime"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"policydesk/internal/core"
)

// Hub sends the services' events to every open page (Server-Sent Events on /api/events): a colleague's change
// reaches an open list or record at once, without reload. A page that cannot keep up loses events rather than
// slowing the others (it reloads on the next one it gets).
type Hub struct {
	mu   sync.Mutex
	subs map[chan []byte]struct{}
}

// NewHub returns an empty hub.
func NewHub() *Hub { return &Hub{subs: map[chan []byte]struct{}{}} }

// Emit is the services' app.Emitter in team mode.
func (h *Hub) Emit(name string, data ...any) {
	if payload, ok := eventJSON(name, data); ok {
		h.EmitJSON(name, payload)
	}
}

// eventJSON is an event's arguments as the pages receive them, a JSON array; ok is false (and logged) when they
// cannot be encoded.
func eventJSON(name string, data []any) (payload []byte, ok bool) {
	if data == nil {
		data = []any{}
	}
	payload, err := json.Marshal(data)
	if err != nil {
		slog.Error("encode event", "event", name, "err", err)
		return nil, false
	}
	return payload, true
}

// EmitJSON sends an event whose arguments are already a JSON array (an event another server process passed on).
func (h *Hub) EmitJSON(name string, payload []byte) {
	msg := []byte(fmt.Sprintf("event: %s\ndata: %s\n\n", name, payload))
	h.mu.Lock()
	defer h.mu.Unlock()
	for ch := range h.subs {
		select {
		case ch <- msg:
		default: // a stalled page: dropped
		}
	}
}

// Subscribers is the number of open event streams.
func (h *Hub) Subscribers() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.subs)
}

func (h *Hub) subscribe() chan []byte {
	ch := make(chan []byte, 64)
	h.mu.Lock()
	h.subs[ch] = struct{}{}
	h.mu.Unlock()
	return ch
}

func (h *Hub) unsubscribe(ch chan []byte) {
	h.mu.Lock()
	delete(h.subs, ch)
	h.mu.Unlock()
}

// pingEvery keeps idle streams open through proxies.
const pingEvery = 20 * time.Second

func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	if _, _, _, err := s.session(r); err != nil {
		writeError(w, 0, err)
		return
	}
	flusher, ok := w.(http.Flusher)
	if !ok {
		writeError(w, http.StatusInternalServerError, fmt.Errorf("streaming not supported"))
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	fmt.Fprint(w, "retry: 2000\n: connected\n\n")
	flusher.Flush()
	ch := s.cfg.Hub.subscribe()
	defer s.cfg.Hub.unsubscribe(ch)
	ping := time.NewTicker(pingEvery)
	defer ping.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-s.cfg.Base.Done():
			return
		case msg := <-ch:
			if _, err := w.Write(msg); err != nil {
				return
			}
			flusher.Flush()
		case <-ping.C:
			if _, err := fmt.Fprint(w, ": ping\n\n"); err != nil {
				return
			}
			flusher.Flush()
		}
	}
}

// DownloadName checks a file name asked for download: a plain name in the exports folder, never a path.
func DownloadName(name string) (string, error) {
	if name == "" || name != filepath.Base(name) || strings.ContainsAny(name, `/\`+"\x00") || name == "." || name == ".." ||
		strings.HasPrefix(name, ".") {
		return "", core.FieldErrorf(core.EINVALID, "file", "文件名“%s”无效：只能下载导出目录中的文件", name)
	}
	return name, nil
}

// ContentDisposition names a download for the browser: an ASCII fallback and the Chinese name (RFC 5987/6266).
func ContentDisposition(name string) string {
	fallback := strings.Map(func(r rune) rune {
		if r < 0x20 || r > 0x7e || r == '"' || r == '\\' || r == '%' || r == ';' {
			return '_'
		}
		return r
	}, name)
	return fmt.Sprintf(`attachment; filename="%s"; filename*=UTF-8''%s`, fallback, url.PathEscape(name))
}

func (s *Server) download(w http.ResponseWriter, r *http.Request) {
	if _, _, _, err := s.session(r); err != nil {
		writeError(w, 0, err)
		return
	}
	name, err := DownloadName(r.URL.Query().Get("file"))
	if err != nil {
		writeError(w, 0, err)
		return
	}
	root, err := os.OpenRoot(s.cfg.Exports)
	if err != nil {
		writeError(w, http.StatusNotFound, core.Errorf(core.ENOTFOUND, "导出目录中没有“%s”", name))
		return
	}
	defer root.Close()
	f, err := root.Open(name)
	if err != nil {
		writeError(w, http.StatusNotFound, core.Errorf(core.ENOTFOUND, "导出目录中没有“%s”，请重新导出", name))
		return
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil || !st.Mode().IsRegular() {
		writeError(w, http.StatusNotFound, core.Errorf(core.ENOTFOUND, "导出目录中没有“%s”，请重新导出", name))
		return
	}
	ctype := mime.TypeByExtension(strings.ToLower(filepath.Ext(name)))
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	h := w.Header()
	h.Set("Content-Type", ctype)
	h.Set("Content-Disposition", ContentDisposition(name))
	h.Set("Cache-Control", "no-store")
	http.ServeContent(w, r, name, st.ModTime(), f)
}
