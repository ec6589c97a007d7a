package app

import "reflect"

// nonNil passes a bound method's result through with every nil slice and map in it (at any depth) made empty,
// so that the frontend receives [] and {} where Go would send null and the generated TypeScript types
// (T[], Record<K, V>) hold as written. It does nothing when err is set: the value is not sent.
func nonNil[T any](v T, err error) (T, error) {
	if err != nil {
		return v, err
	}
	fill(reflect.ValueOf(&v).Elem())
	return v, nil
}

// filled is v with its nil slices and maps made empty (an event's payload).
func filled[T any](v T) T {
	out, _ := nonNil(v, nil)
	return out
}

// fill makes the nil slices and maps inside the settable value v empty; it tells whether it changed anything,
// and writes nothing where nothing is nil (results may share memory with caches that other calls read).
func fill(v reflect.Value) bool {
	changed := false
	switch v.Kind() {
	case reflect.Slice, reflect.Map:
		if v.IsNil() {
			if !v.CanSet() {
				return false
			}
			if v.Kind() == reflect.Slice {
				v.Set(reflect.MakeSlice(v.Type(), 0, 0))
			} else {
				v.Set(reflect.MakeMap(v.Type()))
			}
			return true
		}
		if v.Kind() == reflect.Slice {
			if !needsFill(v.Type().Elem()) {
				return false // []string, []byte, …: nothing inside can be nil
			}
			for i := 0; i < v.Len(); i++ {
				changed = fill(v.Index(i)) || changed
			}
			return changed
		}
		// map values are not addressable: fill a copy and store it back only when it changed
		iter := v.MapRange()
		for iter.Next() {
			e := reflect.New(v.Type().Elem()).Elem()
			e.Set(iter.Value())
			if fill(e) {
				v.SetMapIndex(iter.Key(), e)
				changed = true
			}
		}
	case reflect.Pointer:
		if !v.IsNil() {
			changed = fill(v.Elem())
		}
	case reflect.Struct:
		t := v.Type()
		for i := 0; i < v.NumField(); i++ {
			if t.Field(i).IsExported() {
				changed = fill(v.Field(i)) || changed
			}
		}
	}
	return changed
}

// needsFill tells whether a value of type t can be or hold a nil slice or map.
func needsFill(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Slice, reflect.Map, reflect.Pointer, reflect.Struct:
		return true
	}
	return false
}
