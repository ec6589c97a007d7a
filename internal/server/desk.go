package server

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"reflect"

	"policydesk/app"
	"policydesk/internal/core"
)

// Desk is the desktop app's own call path: the desk's pages call every service through Call, so that the access
// declared for each method (app.Permissions) holds on a desk as it does on the server, for whoever is signed in
// there. Native dialogs, the desk's files and the desk's sign-in stay reachable (they are the desk's own).
type Desk struct {
	methods map[string]*method
	ctx     func() context.Context // the desk's context: its services act as the signed-in person
}

// NewDesk builds the desk's call path over the services the desk binds; ctx returns the context the services
// were started with (set once the window exists).
func NewDesk(services []any, ctx func() context.Context) (*Desk, error) {
	methods, err := methodsOf(services, func(key string) (app.Access, bool) { a, ok := app.Permissions[key]; return a, ok })
	if err != nil {
		return nil, err
	}
	return &Desk{methods: methods, ctx: ctx}, nil
}

// methodsOf lists every exported method of the services as "Service.Method", with its declared access.
func methodsOf(services []any, access func(key string) (app.Access, bool)) (map[string]*method, error) {
	out := map[string]*method{}
	for _, svc := range services {
		t := reflect.TypeOf(svc)
		if t == nil || t.Kind() != reflect.Pointer || t.Elem().Kind() != reflect.Struct {
			return nil, fmt.Errorf("%T is not a pointer to a service struct", svc)
		}
		for i := 0; i < t.NumMethod(); i++ {
			m := newMethod(svc, t.Elem().Name(), t.Method(i))
			key := m.service + "." + m.name
			m.access, m.known = access(key)
			out[key] = m
		}
	}
	return out, nil
}

// newMethod describes one exported method of svc.
func newMethod(svc any, service string, rm reflect.Method) *method {
	mt := rm.Type
	m := &method{service: service, name: rm.Name, svc: svc, fn: rm.Func}
	for j := 1; j < mt.NumIn(); j++ {
		m.in = append(m.in, mt.In(j))
	}
	m.outs = mt.NumOut()
	m.errOnly = m.outs == 1 && mt.Out(0) == errorType
	return m
}

// Call runs service.method with argsJSON (the JSON array of its arguments) and answers its JSON result. A person
// signed in on the desk is held to the method's declared roles; a desk where nobody has a login (one person, no
// accounts) is not, and the stores refuse everything else that needs a sign-in.
func (d *Desk) Call(service, method, argsJSON string) (result string, err error) {
	key := service + "." + method
	m, ok := d.methods[key]
	if !ok {
		return "", core.Errorf(core.ENOTFOUND, "程序没有提供 %s，请升级到同一版本", key)
	}
	if !m.known {
		return "", core.Errorf(core.EFORBID, "接口 %s 没有声明访问权限，已拒绝", key)
	}
	ctx := d.ctx()
	if !m.access.Public && !m.access.Endpoint {
		if actor, signedIn := core.ActorFrom(ctx); signedIn && !actor.IsSystem() && !m.access.Allows(actor) {
			return "", core.Errorf(core.EFORBID, "%s（%s）没有执行此操作的权限", actor.Name, core.RoleLabel(actor.Role))
		}
	}
	args, err := m.decode([]byte(argsJSON), false)
	if err != nil {
		return "", err
	}
	defer func() {
		if v := recover(); v != nil {
			slog.Error("panic in a desk call", "method", key, "panic", v)
			result, err = "", fmt.Errorf("panic in %s: %v", key, v)
		}
	}()
	out, err := m.call(m.svc, args)
	if err != nil {
		return "", err
	}
	b, err := json.Marshal(out)
	if err != nil {
		return "", fmt.Errorf("encode the answer of %s: %w", key, err)
	}
	return string(b), nil
}
