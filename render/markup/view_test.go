package markup

import (
	"reflect"
	"testing"
	"time"

	"github.com/mpsplan/mpsplan/render/doc"
)

// TestViewsMirror checks that docView and sectionView hold every field of
// doc.Document and doc.Section (a field added to those would otherwise be
// out of the templates' reach) and that newDocView copies each one whose
// type the view keeps; Sections and Blocks are the views' own.
func TestViewsMirror(t *testing.T) {
	for view, src := range viewMirrors {
		for f := range src.Fields() {
			if !f.IsExported() {
				continue
			}
			vf, ok := view.FieldByName(f.Name)
			if !ok {
				t.Errorf("%s lacks %s.%s: templates cannot read it", view, src, f.Name)
				continue
			}
			if vf.Type != f.Type && f.Name != "Sections" && f.Name != "Blocks" {
				t.Errorf("%s.%s is %s, %s.%s %s", view, f.Name, vf.Type, src, f.Name, f.Type)
			}
		}
	}
	sec := &doc.Section{}
	fill(t, reflect.ValueOf(sec).Elem())
	sec.Sections, sec.Blocks = nil, nil
	d := &doc.Document{}
	fill(t, reflect.ValueOf(d).Elem())
	d.Sections = []*doc.Section{sec}
	v := newDocView(d, func(*doc.Section) string { return "anchor" }, true)
	same(t, reflect.ValueOf(*d), reflect.ValueOf(*v))
	same(t, reflect.ValueOf(*sec), reflect.ValueOf(*v.Sections[0]))
}

// fill sets every exported field of the struct v to something not zero.
func fill(t *testing.T, v reflect.Value) {
	for i := range v.NumField() {
		f := v.Field(i)
		if !v.Type().Field(i).IsExported() {
			continue
		}
		switch f.Kind() {
		case reflect.String:
			f.SetString(v.Type().Field(i).Name)
		case reflect.Int:
			f.SetInt(int64(i + 1))
		case reflect.Bool:
			f.SetBool(true)
		case reflect.Slice:
			f.Set(reflect.MakeSlice(f.Type(), 1, 1))
		case reflect.Struct:
			if f.Type() == reflect.TypeFor[time.Time]() {
				f.Set(reflect.ValueOf(time.Unix(1e9, 0)))
			}
		default:
			t.Fatalf("fill: no value for a field of kind %s (%s)", f.Kind(), v.Type().Field(i).Name)
		}
	}
}

// same checks that each field of src the view keeps the type of holds the
// same value in view.
func same(t *testing.T, src, view reflect.Value) {
	for i := range src.NumField() {
		sf := src.Type().Field(i)
		vf, ok := view.Type().FieldByName(sf.Name)
		if !sf.IsExported() || !ok || vf.Type != sf.Type {
			continue
		}
		if !reflect.DeepEqual(src.Field(i).Interface(), view.FieldByIndex(vf.Index).Interface()) {
			t.Errorf("the view's %s is %v, not the source's %v: newDocView does not copy it", sf.Name, view.FieldByIndex(vf.Index), src.Field(i))
		}
	}
}
