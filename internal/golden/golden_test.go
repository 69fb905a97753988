package golden

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDiff(t *testing.T) {
	tests := []struct{ want, got, diff string }{
		{"a\nb\n", "a\nb\n", ""},
		{"a\nb\n", "a\nc\n", "line 2:\n got: \"c\"\nwant: \"b\""},
		{"a\n", "a\nmore\n", "line 2:\n got: \"more\"\nwant: \"\""},
		{"a\nb", "a", "line 2:\n got: \"(end of file)\"\nwant: \"b\""},
		{"%PDF\x00\x01", "%PDF\x00\x02\x03", "7 bytes, want 6"},
	}
	for _, tt := range tests {
		if got := Diff([]byte(tt.want), []byte(tt.got)); got != tt.diff {
			t.Errorf("Diff(%q, %q) = %q, want %q", tt.want, tt.got, got, tt.diff)
		}
	}
}

// recorder is a testing.TB that keeps its failures instead of failing.
type recorder struct {
	testing.TB
	errs []string
}

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, args ...any) {
	r.errs = append(r.errs, format)
	r.TB.Logf(format, args...)
}
func (r *recorder) Fatalf(format string, args ...any) { r.Errorf(format, args...) }

func TestCheck(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "sub", "out.txt")

	*update = true
	Check(t, path, []byte("first\n"))
	*update = false
	if b, err := os.ReadFile(path); err != nil || string(b) != "first\n" {
		t.Fatalf("-update wrote %q, %v", b, err)
	}

	r := &recorder{TB: t}
	Check(r, path, []byte("first\n"))
	if len(r.errs) != 0 {
		t.Errorf("equal output fails: %v", r.errs)
	}
	Check(r, path, []byte("second\n"))
	if len(r.errs) != 1 {
		t.Fatalf("a difference gives %d failures, want 1", len(r.errs))
	}
	r.errs = nil
	Check(r, filepath.Join(dir, "missing.txt"), nil)
	if len(r.errs) != 1 {
		t.Errorf("a missing golden file gives %d failures, want 1", len(r.errs))
	}
	if got := rerun(t); !strings.Contains(got, "./internal/golden -run '^TestCheck$' -update") {
		t.Errorf("rerun = %q", got)
	}
}
