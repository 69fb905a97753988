package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode"

	"github.com/mpsplan/mpsplan/plan"
	"github.com/mpsplan/mpsplan/render/tooltest"
)

// maintainerWords are what a plan keeps for its maintainers: the source
// file and its note, encoder's notes, acknowledged inconsistencies.
func maintainerWords(p *plan.Plan) []string {
	out := []string{p.Source.Document, p.Source.Note}
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Pointer:
			if !v.IsNil() {
				walk(v.Elem())
			}
		case reflect.Slice:
			if v.Type() == reflect.TypeFor[plan.Acknowledge]() {
				for _, a := range v.Interface().(plan.Acknowledge) {
					out = append(out, a.Reason)
				}
				return
			}
			for i := range v.Len() {
				walk(v.Index(i))
			}
		case reflect.Struct:
			for i := range v.NumField() {
				if f := v.Type().Field(i); f.IsExported() {
					if f.Name == "EncoderNote" {
						out = append(out, v.Field(i).String())
					}
					walk(v.Field(i))
				}
			}
		}
	}
	walk(reflect.ValueOf(p).Elem())
	return out
}

// words keeps letters and digits, one space between words, so a note is
// found whatever the format made of its punctuation and line breaks.
func words(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), " ")
}

// TestPublishedOmitsMaintainerNotes builds every plan to every format and
// finds in none of them the words of an encoder's note, an acknowledged
// inconsistency, the source's note or its file name; with --edition-notes
// they are all in the appendix About this edition.
func TestPublishedOmitsMaintainerNotes(t *testing.T) {
	out := t.TempDir()
	if code, _, stderr := mpsplan(t, "build", "--out", out, "--format", "md,html,pdf"); code != 0 {
		t.Fatalf("build: exit %d: %s", code, stderr)
	}
	pdftotext := exec.Command("pdftotext", "-v").Run() == nil
	if !pdftotext {
		tooltest.Missing(t, "pdftotext (poppler-utils): PDF text not checked")
	}
	dirs, err := plan.Dirs(filepath.Join(repoRoot(), "plans"))
	if err != nil {
		t.Fatal(err)
	}
	edition := t.TempDir()
	if code, _, stderr := mpsplan(t, "build", "--out", edition, "--format", "md", "--edition-notes"); code != 0 {
		t.Fatalf("build --edition-notes: exit %d: %s", code, stderr)
	}
	checked := 0
	for _, dir := range dirs {
		p, diags := plan.Load(dir)
		if diags.HasErrors() {
			t.Fatalf("%s: %v", dir, diags)
		}
		texts := map[string]string{}
		for _, ext := range []string{".md", ".html"} {
			b, err := os.ReadFile(filepath.Join(out, p.ID, p.ID+ext))
			if err != nil {
				t.Fatal(err)
			}
			texts[ext] = words(string(b))
		}
		if pdftotext {
			b, err := exec.Command("pdftotext", filepath.Join(out, p.ID, p.ID+".pdf"), "-").Output()
			if err != nil {
				t.Fatal(err)
			}
			texts[".pdf"] = words(string(b))
		}
		b, err := os.ReadFile(filepath.Join(edition, p.ID, p.ID+".md"))
		if err != nil {
			t.Fatal(err)
		}
		appendix := words(string(b))
		if i := strings.Index(appendix, "about this edition"); i >= 0 {
			appendix = appendix[i:]
		} else {
			t.Errorf("%s: --edition-notes printed no About this edition", p.ID)
		}
		for _, m := range maintainerWords(p) {
			w := words(m)
			if len(w) < 12 {
				continue
			}
			// Up to twelve words: a PDF breaks longer runs across lines
			// and pages, with running heads between.
			if f := strings.Fields(w); len(f) > 12 {
				w = strings.Join(f[:12], " ")
			}
			checked++
			if !strings.Contains(appendix, w) {
				t.Errorf("%s: About this edition lacks %q", p.ID, w)
			}
			for ext, text := range texts {
				if strings.Contains(text, w) {
					t.Errorf("%s%s prints maintainers' words: %q", p.ID, ext, w)
				}
			}
		}
	}
	if checked < 10 {
		t.Errorf("only %d maintainers' notes checked: the test has lost its material", checked)
	}
}
